//! Article-shaped text from a recipe of bytes, for the `article` fuzz
//! target and the proptest in `tests/article_props.rs` (issue 17).
//!
//! Random bytes rarely make a sentence with two actors and a cue, so the
//! byte-level fuzz targets never reached inference on real-looking text.
//! Here each pair of recipe bytes picks a piece from the packs themselves
//! (actor names, with and without clitics; cue words; demonyms and
//! capitals, which the actor names include) or from the punctuation real
//! pages carry (quotes of every kind, brackets, commas, colons, digits), and
//! a few ops repeat a sentence or draw one out without stops. Shared by
//! path with `fuzz/fuzz_targets/article.rs`, so both build the same text.
#![allow(dead_code)]

use stancegraph::lexicon::Knowledge;

/// What a recipe picks from.
pub struct Vocabulary {
    names: Vec<String>,
    cues: Vec<String>,
}

/// Proclitic chains an Arabic name may carry (و ب ل ف, and لل for ال-).
const CLITICS: &[&str] = &["و", "ب", "ل", "ف", "وب", "ول", "لل", "بال"];

/// Function words that frame stances: speech, negation, complementizers,
/// prepositions, and words that hold another word inside them.
const GLUE: &[&str] = &[
    "قال",
    "وقالت",
    "أكد",
    "إن",
    "أن",
    "بأن",
    "لا",
    "لم",
    "لن",
    "عدم",
    "بعدما",
    "لما",
    "كلا من",
    "مع",
    "بين",
    "و",
    "في",
    "على",
    "الذي",
    "التي",
    "نفى",
    "said",
    "says",
    "that",
    "not",
    "never",
    "with",
    "between",
    "and",
    "the",
    "of",
    "by",
    "in",
    "who",
    "denied",
    "if",
];

/// Punctuation and numbers as scraped pages have them, quotes both ways
/// round and unbalanced.
const MARKS: &[&str] = &[
    "«", "»", "\"", "“", "”", "„", "'", "(", ")", "[", "]", ",", "،", ":", "؛", ";", ".", "!", "?",
    "؟", "…", "-", "—", "\n", "\n\n", "2020", "١٤", "3.5", "10:30", "٪", "U.N.", "د.",
];

impl Vocabulary {
    /// Every actor and person name and every cue word of the packs.
    pub fn of(kb: &Knowledge) -> Vocabulary {
        let mut names: Vec<String> = kb
            .actors
            .actors
            .iter()
            .flat_map(|a| a.names.iter().cloned())
            .chain(
                kb.actors
                    .persons
                    .iter()
                    .flat_map(|p| p.names.iter().cloned()),
            )
            .collect();
        names.sort();
        names.dedup();
        let mut cues: Vec<String> = kb
            .cues
            .rules
            .iter()
            .flat_map(|r| r.cues.iter().chain(&r.nouns))
            .map(|c| c.trim_start_matches('~').replace('+', ""))
            .collect();
        cues.sort();
        cues.dedup();
        Vocabulary { names, cues }
    }

    /// The article a recipe describes, cut off once it passes `max_bytes`
    /// (a recipe that doubles a sentence at every op would otherwise spend
    /// its time on size, not on shapes).
    pub fn article(&self, recipe: &[u8], max_bytes: usize) -> String {
        let mut out = String::new();
        let mut sentence_start = 0usize;
        let mut glue_next = false;
        for pair in recipe.chunks(2) {
            let op = pair[0];
            let pick = usize::from(pair.get(1).copied().unwrap_or(0));
            let piece: String = match op % 16 {
                0..=4 => self.names[(pick * 131 + usize::from(op)) % self.names.len()].clone(),
                5 => {
                    let name = &self.names[(pick * 61 + usize::from(op)) % self.names.len()];
                    let clitic = CLITICS[pick % CLITICS.len()];
                    match (clitic, name.strip_prefix("ال")) {
                        ("لل", Some(rest)) => format!("لل{rest}"),
                        ("لل", None) => format!("ل{name}"),
                        _ => format!("{clitic}{name}"),
                    }
                }
                6..=8 => self.cues[(pick * 37 + usize::from(op)) % self.cues.len()].clone(),
                9 | 10 => GLUE[pick % GLUE.len()].to_string(),
                11 | 12 => {
                    // A mark sticks to the word before it half the time.
                    glue_next = pick % 2 == 0;
                    MARKS[pick % MARKS.len()].to_string()
                }
                13 => {
                    // Repeat the sentence so far (repeated paragraphs).
                    let s = out[sentence_start..].to_string();
                    format!("{s}. {s}")
                }
                14 => {
                    // A long run without stops (tables, lists).
                    let s = out[sentence_start..].replace(['.', '!', '?', '؟', '\n'], " ");
                    s.repeat(1 + pick % 8)
                }
                _ => ".".to_string(),
            };
            if !out.is_empty() && !glue_next {
                out.push(' ');
            }
            glue_next = false;
            out.push_str(&piece);
            if out.len() > max_bytes {
                // One op can multiply the text by eight: cut it back.
                let mut cut = max_bytes;
                while !out.is_char_boundary(cut) {
                    cut -= 1;
                }
                out.truncate(cut);
                break;
            }
            if op % 16 == 15 {
                sentence_start = out.len();
            }
        }
        out
    }
}

/// Runs the whole pipeline on `text` and checks what must hold for any
/// input: no panic, every evidence span inside the text and on char
/// boundaries, and JSON that parses back to the same bytes.
pub fn check_pipeline(kb: &Knowledge, text: &str) {
    let Ok(doc) = stancegraph::read_document("a", "a.txt", text.as_bytes(), None) else {
        return;
    };
    let options = stancegraph::extract::Options::default();
    let graph = stancegraph::extract_graph(&doc, kb, &options).to_json();
    for e in &graph.edges {
        for ev in &e.evidence {
            assert!(ev.start <= ev.end, "{ev:?}");
            assert!(ev.cue_start <= ev.cue_end, "{ev:?}");
            assert!(doc.text.get(ev.start..ev.end).is_some(), "{ev:?}");
            assert!(doc.text.get(ev.cue_start..ev.cue_end).is_some(), "{ev:?}");
        }
    }
    let json = graph.to_pretty_string();
    let back = stancegraph::graph::GraphJson::parse("a.json", &json).expect("our JSON parses");
    assert_eq!(back.to_pretty_string(), json);
}
