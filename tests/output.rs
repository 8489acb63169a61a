//! The committed `output/` is what the main job (`extract samples/ -o
//! output/`) produces now: the README's diagram and files never go stale.

use assert_cmd::Command;

#[test]
fn committed_output_matches_the_main_job() {
    let dir = tempfile::tempdir().expect("tempdir");
    Command::cargo_bin("stancegraph")
        .unwrap()
        .args(["extract", "samples", "-o"])
        .arg(dir.path())
        .assert()
        .success();
    let mut checked = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let committed = std::path::Path::new("output").join(&name);
        assert!(
            committed.exists(),
            "output/{name} is not committed; run the main job and commit output/"
        );
        if name.ends_with(".html") {
            assert_same_page(&name, &path, &committed);
            checked += 1;
        }
        if name.ends_with(".json") || name.ends_with(".dot") {
            assert_eq!(
                std::fs::read(&path).unwrap(),
                std::fs::read(&committed).unwrap(),
                "output/{name} is stale; run `cargo run --release -- extract samples/ -o output/`"
            );
            checked += 1;
        }
    }
    assert!(checked >= 15, "only {checked} files compared");
}

/// A page equals its committed copy byte for byte when it was laid out by
/// the same drawer (the same Graphviz version, or our own circle, named in
/// `data-layout`); otherwise everything but the drawing and its name must
/// be equal: Graphviz's coordinates are Graphviz's business, like the .svg
/// files, but the data, the script and the template are ours.
fn assert_same_page(name: &str, fresh: &std::path::Path, committed: &std::path::Path) {
    let fresh = std::fs::read_to_string(fresh).unwrap();
    let committed = std::fs::read_to_string(committed).unwrap();
    let stale =
        format!("output/{name} is stale; run `cargo run --release -- extract samples/ -o output/`");
    if layout(&fresh) == layout(&committed) {
        assert!(fresh == committed, "{stale}");
    } else {
        assert!(
            without_drawing(&fresh) == without_drawing(&committed),
            "{stale}"
        );
    }
}

fn layout(page: &str) -> &str {
    page.split("data-layout=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or("")
}

/// The page with its drawing and every statement of the layout's name cut out.
fn without_drawing(page: &str) -> String {
    let start = page.find("<!-- drawing -->").unwrap_or(page.len());
    let end = page.find("<!-- /drawing -->").unwrap_or(page.len());
    let cut = format!("{}{}", &page[..start], &page[end..]);
    cut.replace(layout(page), "")
}
