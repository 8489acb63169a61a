//! Article-shaped text through the whole pipeline (issue 17): the fuzzer's
//! bytes are a recipe that picks actor names (with clitics), cue words,
//! quotes, brackets, digits, repeated and long sentences from the packs, so
//! inputs reach inference, which random bytes almost never do. The
//! generator is shared with `tests/article_props.rs`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use stancegraph::lexicon::Knowledge;
use std::sync::OnceLock;

#[path = "../../tests/common/article.rs"]
mod article;

fn kb() -> &'static Knowledge {
    static KB: OnceLock<Knowledge> = OnceLock::new();
    KB.get_or_init(|| Knowledge::embedded().expect("embedded packs load"))
}

fn vocabulary() -> &'static article::Vocabulary {
    static V: OnceLock<article::Vocabulary> = OnceLock::new();
    V.get_or_init(|| article::Vocabulary::of(kb()))
}

fuzz_target!(|recipe: &[u8]| {
    let text = vocabulary().article(recipe, 64 * 1024);
    article::check_pipeline(kb(), &text);
});
