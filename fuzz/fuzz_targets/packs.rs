//! Arbitrary text as a user actor pack and as a user cue pack: loading must
//! return Ok or a Data error, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use stancegraph::lexicon::Knowledge;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let pack = vec![("fuzz.toml".to_string(), text.to_string())];
    let _ = Knowledge::with_user_packs(&pack, &[]);
    let _ = Knowledge::with_user_packs(&[], &pack);
});
