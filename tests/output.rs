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
        if name.ends_with(".json") || name.ends_with(".dot") {
            assert_eq!(
                std::fs::read(&path).unwrap(),
                std::fs::read(&committed).unwrap(),
                "output/{name} is stale; run `cargo run --release -- extract samples/ -o output/`"
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} files compared");
}
