//! `stancegraph actors check` and `actors list`: exit codes, error lines and
//! the listing.

use assert_cmd::Command;
use predicates::prelude::*;
use std::io::Write;

fn pack(text: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new()
        .suffix(".toml")
        .tempfile()
        .expect("temp file");
    f.write_all(text.as_bytes()).expect("write pack");
    f
}

fn stancegraph() -> Command {
    Command::cargo_bin("stancegraph").expect("binary")
}

const BAD: &str = r#"# a bad pack
[[actor]]
id = "saf"
kind = "armed-group"
en = "Sudanese Armed Forces"
aliases_en = [
  "SAF",
  "Turkey",
]

[[actor]]
id = "rsf"
kind = "paramilitary"
en = "Rapid Support Forces"

[[actor]]
id = "saf"
kind = "armed-group"
en = "Sudanese Armed Forces again"

[[person]]
id = "abu-x"
en = "Abu X"
affiliation = [
  { org = "rsf", from = "2013-08-01", to = "2013-01-01" },
  { org = "nobody" },
]
"#;

#[test]
fn check_reports_every_error_with_its_line() {
    let f = pack(BAD);
    let name = f.path().display().to_string();
    let out = stancegraph()
        .args(["actors", "check", &name])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(out).expect("utf-8");
    let lines: Vec<&str> = stderr.lines().collect();
    let expected = [
        format!("{name}:8: alias 'Turkey' of 'saf' is already claimed by 'turkey' (data/actors/world.toml:"),
        format!("{name}:13: unknown kind 'paramilitary' for 'rsf'; expected one of: state,"),
        format!("{name}:17: duplicate id 'saf'; expected each id once per pack"),
        format!("{name}:25: dates out of order for 'abu-x': 2013-08-01 > 2013-01-01; expected from <= to"),
        format!("{name}:26: affiliation of 'abu-x' to unknown id 'nobody'; expected the id of an actor in a pack"),
        "stancegraph: 5 errors in actor packs".to_string(),
    ];
    assert_eq!(lines.len(), expected.len(), "{stderr}");
    for (line, want) in lines.iter().zip(&expected) {
        assert!(
            line.starts_with(want.as_str()),
            "got {line:?}\nwant {want:?}"
        );
    }
}

#[test]
fn check_reports_toml_syntax_errors_with_a_line() {
    let f = pack("[[actor]]\nid = \"x\"\nkind = \n");
    let name = f.path().display().to_string();
    stancegraph()
        .args(["actors", "check", &name])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(format!("{name}:3: ")));
}

#[test]
fn check_accepts_a_good_pack_with_a_one_line_summary() {
    let f = pack(
        r#"[[actor]]
id = "rsf"
kind = "armed-group"
en = "Rapid Support Forces"
ar = "قوات الدعم السريع"
aliases_en = ["RSF"]

[[person]]
id = "abu-x"
en = "Abu X"
affiliation = [{ org = "rsf", from = "2013-01-01" }]
"#,
    );
    stancegraph()
        .args(["actors", "check"])
        .arg(f.path())
        .assert()
        .success()
        .stdout("ok: 1 file, 1 actors, 1 persons, 0 context words\n");
}

#[test]
fn check_accepts_the_documented_example_pack() {
    stancegraph()
        .args(["actors", "check", "docs/examples/sudan.toml"])
        .assert()
        .success();
}

#[test]
fn check_of_a_missing_file_is_an_error() {
    stancegraph()
        .args(["actors", "check", "no/such/pack.toml"])
        .assert()
        .code(2)
        .stderr("stancegraph: no/such/pack.toml: no such file or directory; check the path\n");
}

#[test]
fn list_searches_arabic_and_english_after_normalisation() {
    // إ/ا and ة/ه fold, so a query typed without hamza finds the label.
    stancegraph()
        .args(["actors", "list", "--search", "الامارات"])
        .assert()
        .success()
        .stdout(predicate::str::contains("uae "));
    stancegraph()
        .args(["actors", "list", "--search", "ANKARA"])
        .assert()
        .success()
        .stdout(predicate::str::contains("turkey "));
}

#[test]
fn list_filters_by_kind() {
    let out = stancegraph()
        .args(["actors", "list", "--kind", "mission"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).expect("utf-8");
    assert!(out.starts_with("id "), "{out}");
    assert!(
        out.lines().skip(1).all(|l| l.contains(" mission ")),
        "{out}"
    );
    assert!(out.contains("unsmil "), "{out}");
}

#[test]
fn list_includes_user_packs() {
    let f = pack(
        "[[actor]]\nid = \"rsf\"\nkind = \"armed-group\"\nen = \"Rapid Support Forces\"\nar = \"قوات الدعم السريع\"\n",
    );
    stancegraph()
        .args(["actors", "list", "--search", "الدعم السريع", "--actors"])
        .arg(f.path())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "rsf  armed-group  Rapid Support Forces",
        ));
}

#[test]
fn list_with_no_match_exits_1() {
    stancegraph()
        .args(["actors", "list", "--search", "zzzz-nothing"])
        .assert()
        .code(1);
}
