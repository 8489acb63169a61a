//! A phrase matcher over the normalised text that respects word boundaries
//! and Arabic clitics.
//!
//! Patterns are normalised the same way as the text and compiled into one
//! aho-corasick automaton. A raw hit only counts when it starts at a token
//! start, or inside a token right after a legal chain of proclitics
//! (وتركيا، بالجيش), and ends at a token end (or, for patterns that allow it,
//! before an Arabic suffix from a closed list). The hits are then reduced to
//! the leftmost-longest non-overlapping set, so "ميليشيات حفتر" wins over
//! "ميليشيات" and "الولايات المتحدة" is one phrase.

use crate::text::{is_proclitic_chain, normalize, Token};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// Suffixes an Arabic cue word may carry (verb endings and object pronouns).
/// Not ي: after a verb it makes a name or a noun, another word ("شكري" is
/// Shoukry, not "thanked"; issue 17); only nouns take it ([`Edge::Noun`]).
const ARABIC_SUFFIXES: &[&str] = &[
    "ت", "ا", "وا", "ن", "ان", "تا", "ين", "ون", "ه", "ها", "هم", "هما", "نا", "ته", "تها", "تهم",
    "ات", "وه", "وها", "تم", "ني", "يه", "يها",
];

/// Suffixes a generated finite verb may carry: object pronouns only (its
/// person endings are generated forms of their own). "تجمعات" is no
/// "تجمع" + ات.
const VERB_OBJECT_SUFFIXES: &[&str] = &["ه", "ها", "هم", "هما", "هن", "كم", "ك", "نا", "ني"];

/// How lenient the right edge of a pattern is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The hit must end at a token end.
    Exact,
    /// An Arabic suffix from a closed list may follow inside the token.
    Suffixed,
    /// [`Edge::Suffixed`], or the ي of a plural in construct ("داعمي",
    /// "ممولي"): for nouns.
    Noun,
    /// A phrase that opens with a particle (لا, لم, لن): its first word is
    /// the whole token, or و / ف before it; a suffix may end a longer
    /// phrase ("لا تقبلها"), never the particle itself.
    /// The other proclitics would make another word of it: "كلا" is "both",
    /// "سلم" "handed over", "لما" "when" (issue 17).
    Particle,
    /// A word whose hamza took a seat before a pronoun ("لقائه" of
    /// "لقاء"): a suffix must follow.
    Seated,
    /// A finite verb generated from a lemma (not its bare perfect, which
    /// Form I spells like the verbal noun): only a verb's proclitics on the
    /// left (و ف س, and ل before an imperfect: "ليدعم"; never ب, ك or ال)
    /// and only object pronouns on the right ("تجمعات" is no "تجمع").
    Verb,
}

/// Arabic particles (normalised): a closed class of function words that
/// take و or ف but no other proclitic and no suffix.
const ARABIC_PARTICLES: &[&str] = &[
    "لا", "لم", "لن", "ما", "لو", "قد", "في", "من", "عن", "ان", "هو", "هي", "هم",
];

impl Edge {
    /// `edge` for an Arabic phrase, or [`Edge::Particle`] when its first
    /// word is a particle (لا, لم, لن, ما, لو …).
    pub fn for_arabic(phrase: &str, edge: Edge) -> Edge {
        let norm = normalize(phrase).text;
        let first = norm.split_whitespace().next().unwrap_or("");
        if ARABIC_PARTICLES.contains(&first) {
            Edge::Particle
        } else {
            edge
        }
    }
}

/// One match in normalised byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Start byte (after any proclitics) in the normalised text.
    pub start: usize,
    /// End byte in the normalised text (after any accepted suffix).
    pub end: usize,
    /// Index of the payload the pattern was added with.
    pub payload: usize,
    /// Start of the token the hit begins in (before proclitics).
    pub token_start: usize,
    /// Where an object pronoun a generated verb took begins (`end` if none):
    /// its ه may be a folded ة, a noun's ending ("إدارة" is no "أداره").
    pub object_suffix: usize,
}

/// Builder and matcher of normalised phrases.
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    automaton: Option<AhoCorasick>,
    /// Per pattern: payload index and edge rule.
    patterns: Vec<(usize, Edge)>,
}

/// Collects patterns before compiling.
#[derive(Debug, Default)]
pub struct PhraseMatcherBuilder {
    strings: Vec<String>,
    patterns: Vec<(usize, Edge)>,
}

impl PhraseMatcherBuilder {
    /// Adds a phrase (in its written form; it is normalised here) for `payload`.
    /// Arabic phrases starting with the article also get their لـ + ال form (للأمم).
    pub fn add(&mut self, phrase: &str, payload: usize, edge: Edge) {
        let norm = normalize(phrase.trim()).text;
        let norm = collapse_spaces(&norm);
        if norm.is_empty() {
            return;
        }
        if let Some(rest) = norm.strip_prefix("ال") {
            if rest.chars().count() >= 2 {
                self.push(format!("لل{rest}"), payload, edge);
            }
        }
        // "لقاء" before a pronoun is written "لقائه", "حلفاء" "حلفاؤهم":
        // the hamza takes a seat (normalised to ي and و), and only a
        // suffix can end the word.
        if edge != Edge::Exact {
            if let Some(stem) = norm.strip_suffix("اء") {
                for seat in ["اي", "او"] {
                    self.push(format!("{stem}{seat}"), payload, Edge::Seated);
                }
            }
        }
        self.push(norm, payload, edge);
    }

    fn push(&mut self, norm: String, payload: usize, edge: Edge) {
        self.strings.push(norm);
        self.patterns.push((payload, edge));
    }

    /// Compiles the automaton.
    pub fn build(self) -> PhraseMatcher {
        let automaton = if self.strings.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&self.strings)
                .ok()
        };
        PhraseMatcher {
            automaton,
            patterns: self.patterns,
        }
    }
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl PhraseMatcher {
    /// All accepted hits in `text[range]`, leftmost-longest and non-overlapping.
    /// `tokens` are the tokens of the whole text (sorted); `range` limits the search.
    pub fn find(&self, text: &str, tokens: &[Token], range: (usize, usize)) -> Vec<Hit> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let (lo, hi) = range;
        let haystack = &text[lo..hi];
        let mut hits: Vec<Hit> = Vec::new();
        for m in ac.find_overlapping_iter(haystack) {
            let (start, end) = (lo + m.start(), lo + m.end());
            let (payload, edge) = self.patterns[m.pattern().as_usize()];
            let Some(first) = token_at(tokens, start) else {
                continue;
            };
            let Some(last) = token_at(tokens, end.saturating_sub(1)) else {
                continue;
            };
            let head = &text[first.start..start];
            let clitics_ok = match edge {
                Edge::Particle => matches!(head, "" | "و" | "ف"),
                Edge::Verb => {
                    is_verb_proclitics(head, &text[start..])
                        && (head.is_empty() || is_arabic_letter_start(text, start))
                }
                _ => {
                    head.is_empty()
                        || is_proclitic_chain(head) && is_arabic_letter_start(text, start)
                }
            };
            if !clitics_ok {
                continue;
            }
            let tail = &text[end..last.end];
            let object_suffix = if edge == Edge::Verb { end } else { last.end };
            let end = if tail.is_empty() && edge != Edge::Seated {
                end
            } else if edge == Edge::Verb && VERB_OBJECT_SUFFIXES.contains(&tail)
                || (matches!(edge, Edge::Suffixed | Edge::Noun | Edge::Seated)
                    || edge == Edge::Particle && first.start != last.start)
                    && ARABIC_SUFFIXES.contains(&tail)
                || edge == Edge::Noun && tail == "ي"
            {
                last.end
            } else {
                continue;
            };
            hits.push(Hit {
                start,
                end,
                payload,
                token_start: first.start,
                object_suffix: object_suffix.min(end),
            });
        }
        leftmost_longest(hits)
    }
}

/// Whether `head` is a chain of proclitics a finite verb `verb` may take:
/// و ف س, and ل before an imperfect prefix (ي ت ن ا).
fn is_verb_proclitics(head: &str, verb: &str) -> bool {
    let rest = head.trim_start_matches(['و', 'ف']);
    match rest {
        "" | "س" => true,
        "ل" => verb.starts_with(['ي', 'ت', 'ن', 'ا']),
        _ => false,
    }
}

fn is_arabic_letter_start(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| ('\u{0620}'..='\u{064A}').contains(&c))
}

/// The token containing byte `at`, by binary search.
pub fn token_at(tokens: &[Token], at: usize) -> Option<&Token> {
    let i = tokens.partition_point(|t| t.end <= at);
    tokens.get(i).filter(|t| t.start <= at)
}

/// Keeps the longest non-overlapping hits, the leftmost first among equals
/// (then the one with fewer proclitics).
///
/// Plain leftmost-longest lets a short phrase that starts earlier hide a
/// longer one ("the government" in "the Government of National Unity"); here
/// the longer span wins the overlap. Hits with the very same span under
/// several payloads (one cue word in two rules) are all kept.
fn leftmost_longest(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by(|a, b| {
        (b.end - b.token_start)
            .cmp(&(a.end - a.token_start))
            .then(a.token_start.cmp(&b.token_start))
            // The whole word before a proclitic split of it (وزير, not و + زير).
            .then(a.start.cmp(&b.start))
            .then(a.payload.cmp(&b.payload))
    });
    let mut chosen: Vec<Hit> = Vec::with_capacity(hits.len());
    for hit in hits {
        let clash = chosen.iter().any(|c| {
            let same_span =
                c.token_start == hit.token_start && c.start == hit.start && c.end == hit.end;
            !same_span && hit.token_start < c.end && c.token_start < hit.end
        });
        if !clash {
            chosen.push(hit);
        }
    }
    chosen.sort_by(|a, b| {
        a.token_start
            .cmp(&b.token_start)
            .then(a.start.cmp(&b.start))
            .then(a.payload.cmp(&b.payload))
    });
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn run(patterns: &[&str], edge: Edge, text: &str) -> Vec<String> {
        let mut b = PhraseMatcherBuilder::default();
        for (i, p) in patterns.iter().enumerate() {
            b.add(p, i, edge);
        }
        let m = b.build();
        let norm = normalize(text);
        let tokens = tokenize(&norm.text);
        m.find(&norm.text, &tokens, (0, norm.text.len()))
            .into_iter()
            .map(|h| format!("{}:{}", patterns[h.payload], &norm.text[h.start..h.end]))
            .collect()
    }

    macro_rules! t {
        ($name:ident, $patterns:expr, $edge:expr, $text:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let expected: Vec<&str> = $expected;
                assert_eq!(run(&$patterns, $edge, $text), expected);
            }
        };
    }

    t!(
        proclitic_waw,
        ["تركيا"],
        Edge::Exact,
        "دعمت مصر وتركيا الاتفاق",
        vec!["تركيا:تركيا"]
    );
    // A word in اء seats its hamza before a pronoun: only with the pronoun.
    t!(
        hamza_seat_before_pronoun,
        ["لقاء"],
        Edge::Noun,
        "خلال لقائه حفتر ثم لقاء آخر ولقائ",
        vec!["لقاء:لقايه", "لقاء:لقاء"]
    );
    // A finite verb takes و ف س, and ل only before an imperfect: "لتدعم"
    // (to support) is the verb, "بتدعم" and "التدعم" are no words of it.
    t!(
        verb_proclitics,
        ["تدعم"],
        Edge::Verb,
        "وتدعم لتدعم بتدعم التدعم ستدعم",
        vec!["تدعم:تدعم", "تدعم:تدعم", "تدعم:تدعم"]
    );
    // … and, after it, object pronouns only: "تجمعات" (gatherings) is no
    // "تجمع" (she gathers).
    t!(
        verb_suffixes,
        ["تجمع"],
        Edge::Verb,
        "تجمعهم تجمعات",
        vec!["تجمع:تجمعهم"]
    );
    t!(
        proclitic_bal,
        ["الجيش"],
        Edge::Exact,
        "رحب بالجيش",
        vec!["الجيش:الجيش"]
    );
    t!(
        lam_alif_lam,
        ["الأمم المتحدة"],
        Edge::Exact,
        "قال للأمم المتحدة",
        vec!["الأمم المتحدة:للامم المتحده"]
    );
    // و + زير is a legal split, so a lexicon that knows only "زير" finds it
    // inside "وزير"; what keeps the real lexicon right is that it knows the
    // whole word too (an agent noun), and the whole word wins the tie.
    t!(
        no_false_split,
        ["زير", "وزير"],
        Edge::Exact,
        "قال وزير الخارجية",
        vec!["وزير:وزير"]
    );
    t!(
        misrata_is_not_egypt,
        ["مصر"],
        Edge::Exact,
        "وصلت إلى مصراتة",
        vec![]
    );
    t!(
        longest_wins,
        ["ميليشيات", "ميليشيات حفتر"],
        Edge::Exact,
        "هاجمت ميليشيات حفتر",
        vec!["ميليشيات حفتر:ميليشيات حفتر"]
    );
    t!(
        english_word_edge,
        ["us"],
        Edge::Exact,
        "the campus and us",
        vec!["us:us"]
    );
    t!(
        english_possessive,
        ["haftar"],
        Edge::Exact,
        "Haftar's forces",
        vec!["haftar:haftar"]
    );
    t!(
        suffix_allowed,
        ["رفض"],
        Edge::Suffixed,
        "ورفضت الحكومة",
        vec!["رفض:رفضت"]
    );
    t!(
        suffix_exact_refused,
        ["رفض"],
        Edge::Exact,
        "ورفضت الحكومة",
        vec![]
    );
    // Issue 17: a cue inside another word is no cue.
    t!(
        particle_takes_waw,
        ["لا"],
        Edge::Particle,
        "ولا يمكن",
        vec!["لا:لا"]
    );
    t!(
        particle_not_inside_kila,
        ["لا", "لم"],
        Edge::Particle,
        "التقى كلا من الطرفين وسلم الرسالة",
        vec![]
    );
    t!(
        noun_negator_not_inside_badama,
        ["عدم"],
        Edge::Exact,
        "بعدما وقع الرئيس التركي",
        vec![]
    );
    t!(
        noun_negator_after_preposition,
        ["عدم"],
        Edge::Exact,
        "طالب بعدم التدخل",
        vec!["عدم:عدم"]
    );
    t!(
        construct_plural_of_a_noun,
        ["داعم"],
        Edge::Noun,
        "من أبرز داعمي حكومة الوفاق",
        vec!["داعم:داعمي"]
    );
    t!(
        name_is_not_a_suffixed_cue,
        ["شكر"],
        Edge::Suffixed,
        "قال وزير الخارجية المصري شكري",
        vec![]
    );
    t!(
        latin_no_proclitic,
        ["ran"],
        Edge::Exact,
        "Iran said",
        vec![]
    );
}
