//! One sentence as the layers above see it: its tokens, its cue hits (with
//! duplicate and misread cues dropped) and its mentions (with routes dropped),
//! plus the small word, phrase and mention helpers they all share.
//!
//! Keeping these here lets the clause, speaker and argument layers talk
//! about words and actors without re-deriving offsets.

use super::super::mentions::{How, Mention, INERT_KINDS};
use super::super::span::between;
use super::DocContext;
use crate::lexicon::{CueKind, SourceSlot};
use crate::text::{Sentence, Token};

/// One cue hit in a sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cue {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) token_start: usize,
    pub(super) kind: CueKind,
    pub(super) circumstantial: bool,
}

pub(super) struct SentenceView<'a, 'c> {
    pub(super) ctx: &'c DocContext<'a>,
    pub(super) index: usize,
    pub(super) sentence: &'c Sentence,
    pub(super) mentions: Vec<&'c Mention>,
    pub(super) cues: Vec<Cue>,
    pub(super) parentheticals: Vec<(usize, usize)>,
    /// Who was speaking, or what was talked about, before this sentence:
    /// whom a sentence-initial pronoun refers to ("He was backed by X").
    pub(super) previous_speaker: Option<Vec<String>>,
}

impl<'a, 'c> SentenceView<'a, 'c> {
    pub(super) fn new(
        ctx: &'c DocContext<'a>,
        index: usize,
        sentence: &'c Sentence,
        mentions: Vec<&'c Mention>,
    ) -> Self {
        let text = ctx.norm.text.as_str();
        let matcher = ctx.kb.cues.matcher();
        let cues = matcher
            .find(text, ctx.tokens, (sentence.start, sentence.end))
            .into_iter()
            .filter(|h| !is_folded_ta_marbuta(ctx, h))
            .map(|h| Cue {
                start: h.start,
                end: h.end,
                token_start: h.token_start,
                kind: ctx.kb.cues.payload(h.payload),
                circumstantial: ctx.kb.cues.is_circumstantial(h.payload),
            })
            .collect::<Vec<Cue>>();
        // One cue word listed both plain and as a participle (accuse+ and
        // ~accusing): keep the participle reading.
        let cues: Vec<Cue> = cues
            .iter()
            .filter(|c| {
                c.circumstantial
                    || !cues.iter().any(|o| {
                        o.circumstantial && o.start == c.start && o.end == c.end && o.kind == c.kind
                    })
            })
            .filter(|c| !is_definite_verb(ctx, text, c))
            // "the UN-backed government" named as one actor: the cue
            // inside the name states nothing of its own.
            .filter(|c| {
                !mentions.iter().any(|m| {
                    m.start <= c.token_start
                        && c.end <= m.end
                        && matches!(m.how, How::Name | How::Context)
                })
            })
            .copied()
            .collect();
        let mut view = SentenceView {
            ctx,
            index,
            sentence,
            mentions,
            cues,
            parentheticals: Vec::new(),
            previous_speaker: None,
        };
        view.parentheticals = view.find_parentheticals();
        // "Ankara, the GNA's main backer, welcomed …": an apposition
        // between commas is an aside like a relative clause.
        let appositions: Vec<(usize, usize)> = view
            .cues
            .iter()
            .filter(|c| {
                matches!(c.kind, CueKind::Rule(ri) | CueKind::Noun(ri)
                    if ctx.kb.cues.rules[ri].source == SourceSlot::Apposed)
            })
            .filter_map(|c| view.apposed(c).span)
            .collect();
        view.parentheticals.extend(appositions);
        // "via Syria": a route is no party ("عبر X عن" is "X expressed").
        let routes: Vec<usize> = view
            .mentions
            .iter()
            .filter(|m| {
                view.word_before(m.token_start)
                    .is_some_and(|w| ctx.kb.cues.is_transit(w))
                    && view.word_after(m.end) != Some("عن")
            })
            .map(|m| m.start)
            .collect();
        view.mentions.retain(|m| !routes.contains(&m.start));
        view
    }

    pub(super) fn text(&self) -> &str {
        &self.ctx.norm.text
    }

    /// Whether a token's word is `word`, perhaps behind Arabic proclitics
    /// ("العسكري" is "عسكري", "وتعد" is "تعد").
    pub(super) fn word_is(token: &str, word: &str) -> bool {
        token == word
            || token.strip_suffix(word).is_some_and(|head| {
                !head.is_empty() && head.len() <= 8 && crate::text::is_proclitic_chain(head)
            })
    }

    /// The longest of `phrases` whose words are the tokens right before
    /// index `end` of `toks`: how many tokens it spans (0: none).
    pub(super) fn phrase_before(
        &self,
        toks: &[Token],
        end: usize,
        phrases: &[Vec<String>],
    ) -> usize {
        let text = self.text();
        phrases
            .iter()
            .filter(|p| !p.is_empty() && p.len() <= end)
            .filter(|p| {
                p.iter().enumerate().all(|(n, w)| {
                    let t = toks[end - p.len() + n];
                    Self::word_is(&text[t.start..t.end], w)
                })
            })
            .map(Vec::len)
            .max()
            .unwrap_or(0)
    }

    /// The longest of `phrases` whose words are the tokens from index
    /// `start` of `toks` on: how many tokens it spans (0: none).
    pub(super) fn phrase_at(&self, toks: &[Token], start: usize, phrases: &[Vec<String>]) -> usize {
        let text = self.text();
        phrases
            .iter()
            .filter(|p| !p.is_empty() && start + p.len() <= toks.len())
            .filter(|p| {
                p.iter().enumerate().all(|(n, w)| {
                    let t = toks[start + n];
                    Self::word_is(&text[t.start..t.end], w)
                })
            })
            .map(Vec::len)
            .max()
            .unwrap_or(0)
    }

    /// Whether one of `phrases` stands right before a mention, perhaps
    /// with "the" between ("on behalf of the Russian state").
    pub(super) fn preceded_by(&self, m: &Mention, phrases: &[Vec<String>]) -> bool {
        let toks = self.sentence_tokens();
        let p = toks.partition_point(|t| t.start < m.token_start);
        if self.phrase_before(toks, p, phrases) > 0 {
            return true;
        }
        p > 0
            && &self.text()[toks[p - 1].start..toks[p - 1].end] == "the"
            && self.phrase_before(toks, p - 1, phrases) > 0
    }

    pub(super) fn sentence_tokens(&self) -> &'c [Token] {
        self.tokens_in(self.sentence.start, self.sentence.end)
    }

    /// The tokens that start in [from, to).
    pub(super) fn tokens_in(&self, from: usize, to: usize) -> &'c [Token] {
        let toks = self.ctx.tokens;
        let lo = toks.partition_point(|t| t.start < from);
        let hi = toks.partition_point(|t| t.start < to).max(lo);
        &toks[lo..hi]
    }

    /// Tokens strictly between two offsets.
    pub(super) fn tokens_between(&self, from: usize, to: usize) -> usize {
        self.tokens_in(from, to).len()
    }

    /// Whether [from, to) is a verb-first subject and nothing else: a noun
    /// phrase of at most six words, no comma, ending in an actor's mention
    /// right before `to` ("رئيس حكومة الوحدة عبدالحميد الدبيبة").
    pub(super) fn is_subject_between(&self, from: usize, to: usize) -> bool {
        const MAX_WORDS: usize = 6;
        let ends_in_actor = self
            .mentions
            .iter()
            .any(|m| m.token_start >= from && m.end <= to && self.tokens_between(m.end, to) == 0);
        ends_in_actor
            && !between(self.text(), from, to).contains([',', '،', '.', ':'])
            && self.tokens_between(from, to) <= MAX_WORDS
    }

    /// Word tokens strictly between two offsets: quotes and commas do not
    /// count ('مرتزقة "فاغنر" الروسية، الذين').
    pub(super) fn words_between(&self, from: usize, to: usize) -> usize {
        self.tokens_in(from, to)
            .iter()
            .filter(|t| {
                self.text()[t.start..t.end]
                    .chars()
                    .any(char::is_alphanumeric)
            })
            .count()
    }

    pub(super) fn word_before(&self, at: usize) -> Option<&str> {
        let toks = self.ctx.tokens;
        let i = toks.partition_point(|t| t.start < at);
        i.checked_sub(1)
            .map(|j| toks[j])
            .filter(|t| t.start >= self.sentence.start)
            .map(|t| &self.text()[t.start..t.end])
    }

    pub(super) fn word_after(&self, at: usize) -> Option<&str> {
        let toks = self.ctx.tokens;
        let i = toks.partition_point(|t| t.start < at);
        toks.get(i)
            .filter(|t| t.start < self.sentence.end)
            .map(|t| &self.text()[t.start..t.end])
    }

    /// The word before `at`, skipping one adverb in -ly ("was quietly
    /// supplied", "while publicly backing").
    pub(super) fn word_before_adverb(&self, at: usize) -> Option<&str> {
        let w = self.word_before(at)?;
        if w.len() > 4 && w.ends_with("ly") {
            let toks = self.sentence_tokens();
            let i = toks.partition_point(|t| t.start < at);
            return i
                .checked_sub(2)
                .map(|j| &self.text()[toks[j].start..toks[j].end]);
        }
        Some(w)
    }

    /// Whether a token in [from, to) is, or starts with, one of `words`
    /// (after any proclitics).
    pub(super) fn has_word(&self, from: usize, to: usize, words: &[String]) -> bool {
        let text = self.text();
        self.tokens_in(from, to).iter().any(|t| {
            let w = between(text, t.start, t.end);
            // Where the word may start: the token start, or after a chain
            // of proclitics of one to three letters. Found once per token,
            // not once per listed word (this test runs for every rule with
            // required words, over the whole clause).
            let mut starts = [0usize; 4];
            let mut n = 1;
            for (k, _) in w.char_indices().skip(1).take(3) {
                if crate::text::is_proclitic_chain(between(w, 0, k)) {
                    starts[n] = k;
                    n += 1;
                }
            }
            words.iter().any(|req| {
                if req.contains(' ') {
                    // A phrase: match on the text from this token.
                    return between(text, t.start, to).starts_with(req.as_str());
                }
                starts[..n]
                    .iter()
                    .any(|&k| between(w, k, w.len()).starts_with(req.as_str()))
            })
        })
    }

    pub(super) fn eligible(&self, m: &Mention) -> bool {
        m.ids.iter().all(|id| {
            self.ctx
                .kb
                .actors
                .actor(id)
                .is_none_or(|a| !INERT_KINDS.contains(&a.kind.as_str()))
        })
    }

    pub(super) fn is_media(&self, m: &Mention) -> bool {
        m.ids.iter().any(|id| {
            self.ctx
                .kb
                .actors
                .actor(id)
                .is_some_and(|a| a.kind == "media")
        })
    }

    pub(super) fn ids_of(&self, idx: &[usize]) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for &i in idx {
            let m = self.mentions[i];
            if !self.eligible(m) {
                continue;
            }
            for id in &m.ids {
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
        }
        ids
    }

    /// First eligible mention starting at or after `at`, before `limit`, with
    /// at most `max_gap` tokens between (usize::MAX: any).
    pub(super) fn first_after(&self, at: usize, limit: usize, max_gap: usize) -> Option<usize> {
        (0..self.mentions.len()).find(|&i| {
            let m = self.mentions[i];
            m.token_start >= at
                && m.start < limit
                && (self.eligible(m) || self.is_media(m))
                && {
                    // A pro-/anti- compound in the gap only counts when
                    // the gap is too long without it.
                    let gap = self.tokens_between(at, m.token_start);
                    gap <= max_gap || gap - self.prefixed_tokens(at, m.token_start) <= max_gap
                }
                && !self.is_prefixed_modifier(m)
        })
    }

    /// Tokens in [from, to) that a pro-/anti- compound takes besides its
    /// first word ("by anti-Brotherhood Egypt"): the hyphen and the word
    /// after it, or the actor it names. A compound does not put the actor
    /// after it further off.
    fn prefixed_tokens(&self, from: usize, to: usize) -> usize {
        let text = self.text();
        let toks = self.tokens_in(from, to);
        let compound = toks
            .windows(3)
            .filter(|w| {
                let first = &text[w[0].start..w[0].end];
                &text[w[1].start..w[1].end] == "-"
                    && w[1].start == w[0].end
                    && w[2].start == w[1].end
                    && self.ctx.kb.cues.is_stance_prefix(first)
            })
            .count();
        (2 * compound).min(toks.len())
    }

    pub(super) fn cue_is_arabic(&self, cue: &Cue) -> bool {
        matches!(cue.kind, CueKind::Rule(ri) | CueKind::Noun(ri) if self.ctx.kb.cues.rules[ri].lang == Some(crate::model::Lang::Ar))
    }
}

/// An Arabic verb cue read after the article (الشكر، القصف) is a noun: the
/// definite article never precedes a verb. Nouns are listed as `nouns`.
fn is_definite_verb(ctx: &DocContext<'_>, text: &str, c: &Cue) -> bool {
    let CueKind::Rule(ri) = c.kind else {
        return false;
    };
    let head = &text[c.token_start..c.start];
    ctx.kb.cues.rules[ri].lang == Some(crate::model::Lang::Ar)
        && (head.ends_with("ال") || head.ends_with("لل"))
}

/// Whether a verb's object pronoun ه is in fact a noun's ة that
/// normalisation folded ("إدارة" read as "أداره", "he ran it").
fn is_folded_ta_marbuta(ctx: &DocContext<'_>, hit: &crate::lexicon::Hit) -> bool {
    if hit.object_suffix >= hit.end || &ctx.norm.text[hit.object_suffix..hit.end] != "ه" {
        return false;
    }
    let (os, oe) = ctx.norm.orig_span(hit.object_suffix, hit.end);
    ctx.original.get(os..oe) == Some("ة")
}
