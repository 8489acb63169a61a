//! Reported speech: who is speaking in a sentence (a speech verb's subject,
//! an attribution's source, a headline's "X:"), and when a pronoun or a
//! quotation carries the previous speaker on. Statements of the speaker
//! ("X called for …") take their holder from here.

use super::super::mentions::Mention;
use super::super::span::between;
use super::view::{Cue, SentenceView};
use crate::lexicon::CueKind;

impl<'a, 'c> SentenceView<'a, 'c> {
    /// Who is speaking in this sentence: the subject of a speech verb, the
    /// source a reporter cites, a headline's "X:". A speech verb with no
    /// named subject ("he added", "وقالت في بيان") continues the previous
    /// speaker; one with a subject we cannot resolve ends it.
    pub(super) fn speaker(&self, previous: Option<Vec<String>>) -> Option<Vec<String>> {
        if let Some(ids) = self.headline_speaker() {
            return Some(ids);
        }
        if let Some(ids) = self.attributed_speaker() {
            return Some(ids);
        }
        for cue in &self.cues {
            if cue.kind != CueKind::Speech {
                continue;
            }
            if let Said::Speaker(s) = self.speech_verb_speaker(cue, &previous) {
                return s;
            }
        }
        let text = self.text();
        let starts_quoted = between(text, self.sentence.start, text.len()).starts_with('"');
        let starts_pronoun = self
            .sentence_tokens()
            .first()
            .is_some_and(|t| self.ctx.kb.cues.is_pronoun(&text[t.start..t.end]));
        if starts_quoted || starts_pronoun {
            return previous;
        }
        None
    }

    /// Headline or lead "X: …": the one actor right before the colon.
    fn headline_speaker(&self) -> Option<Vec<String>> {
        let text = self.text();
        let colon = text[self.sentence.start..self.sentence.end].find(':')?;
        let colon = self.sentence.start + colon;
        let before: Vec<usize> = (0..self.mentions.len())
            .filter(|&i| self.mentions[i].end <= colon)
            .collect();
        if before.len() == 1 && self.tokens_between(self.mentions[before[0]].end, colon) == 0 {
            let ids = self.ids_of(&before);
            if !ids.is_empty() {
                return Some(ids);
            }
        }
        None
    }

    /// The source a reporter cites ("according to X", "بحسب X").
    fn attributed_speaker(&self) -> Option<Vec<String>> {
        for cue in &self.cues {
            if cue.kind == CueKind::Attribution {
                if let Some(i) = self.first_after(cue.end, self.sentence.end, 4) {
                    let ids = self.ids_of(&[i]);
                    if !ids.is_empty() {
                        return Some(ids);
                    }
                }
            }
        }
        None
    }

    /// The speaker one speech verb names, names as no one known, or
    /// leaves to the next speech verb.
    fn speech_verb_speaker(&self, cue: &Cue, previous: &Option<Vec<String>>) -> Said {
        // "…، مؤكداً أن", ", saying": the speaker is the subject the
        // sentence opens with; without one near its start (a pronoun
        // subject), whoever spoke before.
        if cue.circumstantial {
            let opening = (0..self.mentions.len()).find(|&i| {
                let m = self.mentions[i];
                m.start < cue.start
                    && self.eligible(m)
                    && self.tokens_between(self.sentence.start, m.token_start) <= 3
            });
            return Said::Speaker(match opening {
                Some(i) => Some(self.ids_of(&self.expand_forward(i))),
                None => previous.clone(),
            });
        }
        let (cs, _) = self.clause_of(cue.start);
        // '"…," said X', '"…," X said': a sentence that opens with a
        // quotation has its speaker after it; the actors quoted are
        // what was said, not who said it.
        let cs = match self.opening_quote_end() {
            Some(qe) if qe <= cue.token_start => cs.max(qe),
            _ => cs,
        };
        if let Some(ids) = self.adjacent_speaker(cue, cs) {
            return Said::Speaker(Some(ids));
        }
        // "he said", "the statement said": no named subject, the last
        // speaker goes on. "The LNA spokesman said": the actor right
        // before the role noun is the speaker.
        let pronoun_subject = self
            .word_before(cue.token_start)
            .is_some_and(|w| self.ctx.kb.cues.carries_before(w) || self.ctx.kb.cues.is_pronoun(w));
        if pronoun_subject {
            if let said @ Said::Speaker(_) = self.role_noun_speaker(cue, previous) {
                return said;
            }
        }
        if let Some(said) = self.verb_first_noun_speaker(cue) {
            return said;
        }
        let subject = self
            .nearest_before(cue.start, cs, true)
            .or_else(|| self.first_after(cue.end, self.sentence.end, 3));
        match subject {
            Some(i) if self.is_media(self.mentions[i]) => Said::Speaker(None),
            Some(i) => {
                let ids = self.ids_of(&self.expand_backward(i));
                if ids.is_empty() {
                    Said::LookOn
                } else {
                    Said::Speaker(Some(ids))
                }
            }
            None => {
                let after = self.word_after(cue.end);
                let continues = after.is_none_or(|w| self.ctx.kb.cues.carries_after(w));
                Said::Speaker(if continues { previous.clone() } else { None })
            }
        }
    }

    /// An actor that ends right at the verb is its subject ("the LNA
    /// spokesman described"), unless it is a medium.
    fn adjacent_speaker(&self, cue: &Cue, cs: usize) -> Option<Vec<String>> {
        let i = (0..self.mentions.len()).rev().find(|&i| {
            let m = self.mentions[i];
            m.start >= cs
                && m.end <= cue.token_start
                && between(self.text(), m.end, cue.token_start)
                    .trim()
                    .is_empty()
        })?;
        let ids = self.ids_of(&[i]);
        (!ids.is_empty() && !self.is_media(self.mentions[i])).then_some(ids)
    }

    /// A speech verb after a pronoun or role noun: the actor right before
    /// the role noun ("the LNA spokesman said"), else the previous speaker
    /// ("he said").
    fn role_noun_speaker(&self, cue: &Cue, previous: &Option<Vec<String>>) -> Said {
        let toks = self.ctx.tokens;
        let k = toks.partition_point(|t| t.start < cue.token_start);
        let role_start = k
            .checked_sub(1)
            .map(|j| toks[j].start)
            .unwrap_or(cue.token_start);
        let owner = (0..self.mentions.len()).rev().find(|&i| {
            let m = self.mentions[i];
            m.end <= role_start && between(self.text(), m.end, role_start).trim().is_empty()
        });
        match owner {
            Some(i) if !self.is_media(self.mentions[i]) => {
                let ids = self.ids_of(&[i]);
                if ids.is_empty() {
                    Said::LookOn
                } else {
                    Said::Speaker(Some(ids))
                }
            }
            _ => Said::Speaker(previous.clone()),
        }
    }

    /// "إذ قال المتحدث باسم قواتها": an Arabic verb followed by a definite
    /// noun that names no actor has that noun as subject, not an actor of
    /// the clause before; it speaks for an actor named soon after, else for
    /// no one we know.
    fn verb_first_noun_speaker(&self, cue: &Cue) -> Option<Said> {
        let text = self.text();
        let after = self.word_after(cue.end);
        let arabic_verb = text[cue.start..cue.end]
            .chars()
            .next()
            .is_some_and(|c| ('\u{600}'..='\u{6ff}').contains(&c));
        let noun_subject = arabic_verb
            && after.is_some_and(|w| w.starts_with("ال") && !self.ctx.kb.cues.carries_after(w))
            && !self.mentions.iter().any(|m| {
                self.word_after(cue.end).is_some()
                    && m.token_start >= cue.end
                    && self.tokens_between(cue.end, m.token_start) == 0
            });
        if !noun_subject {
            return None;
        }
        Some(Said::Speaker(
            match self.first_after(cue.end, self.sentence.end, 3) {
                Some(i) if self.is_media(self.mentions[i]) => None,
                Some(i) => Some(self.ids_of(&self.expand_forward(i))).filter(|ids| !ids.is_empty()),
                None => None,
            },
        ))
    }

    /// Where the quotation a sentence opens with ends (after its closing
    /// quote), if it opens with one.
    pub(super) fn opening_quote_end(&self) -> Option<usize> {
        let s = &self.text()[self.sentence.start..self.sentence.end];
        let trimmed = s.trim_start();
        let body = trimmed.strip_prefix('"')?;
        let close = body.find('"')?;
        Some(self.sentence.start + (s.len() - trimmed.len()) + 1 + close + 1)
    }

    /// Whether a mention is the source an attribution cites ("according to
    /// X", "بحسب X"): a reporter's source, not one of the actors a stance
    /// is about.
    pub(super) fn is_attributed(&self, m: &Mention) -> bool {
        self.cues.iter().any(|c| {
            c.kind == CueKind::Attribution
                && c.end <= m.token_start
                && self.tokens_between(c.end, m.token_start) <= 4
                && !between(self.text(), c.end, m.token_start).contains([',', '،'])
        })
    }

    pub(super) fn starts_with_pronoun(&self) -> bool {
        self.sentence_tokens()
            .first()
            .is_some_and(|t| self.ctx.kb.cues.is_pronoun(&self.text()[t.start..t.end]))
    }

    /// A sentence opening "He and X …", "هو وX …": the actor the text is
    /// following stands for the pronoun.
    pub(super) fn pronoun_co_subject(&self, speaker: Option<&[String]>) -> Vec<String> {
        let tokens = self.sentence_tokens();
        let text = self.text();
        let joined = tokens.len() >= 2
            && self.starts_with_pronoun()
            && self
                .ctx
                .kb
                .cues
                .is_coordinator(&text[tokens[1].start..tokens[1].end]);
        if !joined {
            return Vec::new();
        }
        self.previous_speaker
            .as_deref()
            .or(speaker)
            .map(<[String]>::to_vec)
            .unwrap_or_default()
    }

    pub(super) fn main_subject(&self, speaker: Option<&[String]>) -> Option<Vec<String>> {
        if let Some(s) = speaker {
            return Some(s.to_vec());
        }
        let first = (0..self.mentions.len()).find(|&i| self.eligible(self.mentions[i]))?;
        Some(self.ids_of(&self.expand_forward(first)))
    }
}

/// What one speech verb tells about the sentence's speaker.
enum Said {
    /// It decides: this speaker, or (None) no one we know.
    Speaker(Option<Vec<String>>),
    /// It names no one usable; the next speech verb may.
    LookOn,
}
