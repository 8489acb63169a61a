//! Who holds a stance: the subject of the cue's clause (before the verb,
//! after a verb-first Arabic verb, shared by a conjoined verb), the
//! antecedent of a relative clause, the holder of an agent noun in
//! apposition. Each source slot of a rule is filled from here.

use super::super::mentions::How;
use super::super::span::between;
use super::rules::Hit;
use super::view::{Cue, SentenceView};
use crate::lexicon::{CueKind, SourceSlot, TargetSlot};
use crate::text::Token;

/// Holders found for a cue and, when they follow it (verb-first
/// Arabic), the offset after them.
type Holders = (Vec<String>, Option<usize>);

/// What `subject` knows about a cue while it tries one construction
/// after another.
struct SubjectQuery<'q> {
    cue: &'q Cue,
    speaker: Option<&'q [String]>,
    /// The holders of the stance before it in the sentence.
    previous: &'q [String],
    arabic: bool,
    is_noun: bool,
    /// The cue's clause.
    cs: usize,
    ce: usize,
}

/// What an agent noun says: who holds the stance, whom it is about, and
/// the aside it opens after a comma ("Ankara, the GNA's main backer, …").
#[derive(Debug, Default)]
pub(super) struct Apposition {
    pub(super) sources: Vec<String>,
    pub(super) targets: Vec<String>,
    pub(super) span: Option<(usize, usize)>,
}

impl<'a, 'c> SentenceView<'a, 'c> {
    /// The clause subject of a cue; returns the ids and, when the subject
    /// follows the cue (verb-first Arabic), the offset after it.
    ///
    /// The constructions are tried in order, the first that applies
    /// deciding: a circumstantial cue, a relative clause, a non-finite or
    /// dependent verb, a conjoined verb, an Arabic verbal noun with its
    /// agent, the actor before the cue, then a subject after it or from
    /// the context.
    pub(super) fn subject(
        &self,
        cue: &Cue,
        speaker: Option<&[String]>,
        genitive: bool,
        previous: &[String],
    ) -> Holders {
        if cue.circumstantial {
            return (self.main_subject(speaker).unwrap_or_default(), None);
        }
        // "هجوم تركي على …", "the Turkish support for …": the cue with its
        // demonym adjective is one mention, the agent of the act. No
        // verb-first subject: its objects follow the cue as usual.
        if let Some(i) = self.covering_mention(cue) {
            return (self.ids_of(&self.expand_forward(i)), None);
        }
        let (cs, ce) = self.clause_of(cue.start);
        let is_noun = matches!(cue.kind, CueKind::Noun(_));
        let arabic = matches!(cue.kind, CueKind::Rule(ri) | CueKind::Noun(ri) if self.ctx.kb.cues.rules[ri].lang == Some(crate::model::Lang::Ar));
        if let Some(a) = self.relative_antecedent(cue, arabic) {
            // "حكومة الوحدة والجيش الوطني الذي يحارب": a singular Arabic
            // relative pronoun hangs on the last conjunct alone.
            let singular = arabic
                && between(self.text(), self.mentions[a].end, cue.token_start)
                    .split_whitespace()
                    .any(|w| self.ctx.kb.cues.is_relative_singular(w));
            let idx = if singular {
                vec![a]
            } else {
                self.expand_backward(a)
            };
            return (self.ids_of(&idx), None);
        }
        let ask = SubjectQuery {
            cue,
            speaker,
            previous,
            arabic,
            is_noun,
            cs,
            ce,
        };
        let dependent = self
            .gerund_subject(&ask)
            .or_else(|| self.subject_after_relative(&ask))
            .or_else(|| self.indefinite_subject(&ask))
            .or_else(|| self.infinitive_subject(&ask))
            .or_else(|| self.conjoined_subject(&ask))
            .or_else(|| self.verbal_noun_agent(&ask))
            .or_else(|| self.noun_relative_agent(&ask));
        if let Some(found) = dependent {
            return found;
        }
        // "تجاهلت النداء وواصلت قصفها": a reference to a proposal is what
        // was rejected or ignored, never the one acting.
        let mut at = cue.start;
        let nearest = loop {
            match self.nearest_before(at, cs, false) {
                Some(i) if self.mentions[i].how == How::Proposal => at = self.mentions[i].start,
                other => break other,
            }
        };
        if let Some(i) = nearest {
            let i = self.participle_head(i, cs).unwrap_or(i);
            return (self.ids_of(&self.expand_backward(i)), None);
        }
        // "Haftar, supported by the UAE and Egypt, carried out …": the
        // clause opens right after an aside; its subject stands before it.
        let after_aside = self.parentheticals.iter().any(|&(ps, pe)| {
            ps > self.sentence.start && pe <= cs && self.tokens_between(pe, cs) <= 1
        });
        if after_aside {
            if let Some(i) = self.nearest_before(cue.start, self.sentence.start, false) {
                return (self.ids_of(&self.expand_backward(i)), None);
            }
        }
        self.subject_after_or_context(&ask, genitive)
    }

    /// "قوات الانتقالي المدعومة إماراتيا من السيطرة على …", "الحكومة
    /// المعينة من البرلمان … اشتباكات": an actor right after a participle
    /// whose agent follows it (`source = "after"`, `target = "before"`) is
    /// that participle's agent; the subject is the noun it modifies.
    fn participle_head(&self, i: usize, cs: usize) -> Option<usize> {
        let participle = self.participle_of_agent(i)?;
        self.nearest_before(participle.start, cs, false)
    }

    /// The participle whose agent mention `i` is: a cue of a rule that
    /// takes its holder after it and its target before it ("المدعومة
    /// إماراتيا", "المعينة من البرلمان", "backed by Turkey"), ending at
    /// most one word before the mention.
    pub(super) fn participle_of_agent(&self, i: usize) -> Option<&Cue> {
        let m = self.mentions[i];
        let rules = &self.ctx.kb.cues.rules;
        self.cues.iter().find(|c| {
            matches!(c.kind, CueKind::Rule(ri) if rules[ri].source == SourceSlot::After
                && rules[ri].target == TargetSlot::Before)
                && c.end <= m.token_start
                && self.tokens_between(c.end, m.token_start) <= 1
        })
    }

    /// "while backing X", "by arming Y": an adverbial gerund has the
    /// subject of the stance before it, or of the sentence.
    fn gerund_subject(&self, ask: &SubjectQuery<'_>) -> Option<Holders> {
        let cue = ask.cue;
        let gerund = !ask.arabic
            && !ask.is_noun
            && self.text()[cue.start..cue.end].ends_with("ing")
            && self
                .word_before_adverb(cue.token_start)
                .is_some_and(|w| self.ctx.kb.cues.is_subordinator(w));
        if !gerund {
            return None;
        }
        if !ask.previous.is_empty() {
            return Some((ask.previous.to_vec(), None));
        }
        self.main_subject(ask.speaker).map(|s| (s, None))
    }

    /// "the countries that back X": the subject is the noun before the
    /// relative pronoun, which is no actor here. After a relative pronoun
    /// an Arabic verb may still take its subject after it ("الحوار الذي
    /// ترعاه الرباط").
    fn subject_after_relative(&self, ask: &SubjectQuery<'_>) -> Option<Holders> {
        let cue = ask.cue;
        if !self
            .word_before(cue.token_start)
            .is_some_and(|w| self.ctx.kb.cues.is_relative(w) || w == "that")
        {
            return None;
        }
        if ask.arabic && !ask.is_noun {
            // The verb points back to the antecedent as its object
            // (relative_antecedent found none): its subject follows,
            // perhaps as "officials in X" ("مسؤولون في X").
            // Not past a preposition: "التي تحالفت قواتها مع الحكومة"
            // has its subject in the pronoun, the government is the object.
            let rule_preps: &[String] = match cue.kind {
                CueKind::Rule(ri) | CueKind::Noun(ri) => &self.ctx.kb.cues.rules[ri].preps_norm,
                _ => &[],
            };
            let after = self
                .first_after(cue.end, ask.ce, 2)
                .filter(|&i| !self.is_media(self.mentions[i]))
                .filter(|&i| {
                    let m = self.mentions[i];
                    !self.has_prep_phrase(cue.end, m.token_start, rule_preps)
                        && !self.introduced_by(i, rule_preps, cue.end)
                });
            if let Some(i) = after {
                let idx = self.expand_forward(i);
                let end = idx.last().map(|&j| self.mentions[j].end);
                return Some((self.ids_of(&idx), end));
            }
        }
        Some((Vec::new(), None))
    }

    /// "من يسلح X", "whoever arms X": an indefinite subject holds no stance
    /// (before a noun, من is the preposition "from").
    fn indefinite_subject(&self, ask: &SubjectQuery<'_>) -> Option<Holders> {
        let indefinite = !ask.is_noun
            && self
                .word_before(ask.cue.token_start)
                .is_some_and(|w| self.ctx.kb.cues.is_indefinite(w));
        indefinite.then(|| (Vec::new(), None))
    }

    /// English "… to protest": an infinitive of purpose has the subject of
    /// the stance before it, or of the sentence.
    fn infinitive_subject(&self, ask: &SubjectQuery<'_>) -> Option<Holders> {
        let cue = ask.cue;
        if ask.arabic || ask.is_noun || self.word_before(cue.token_start) != Some("to") {
            return None;
        }
        if !ask.previous.is_empty() {
            return Some((ask.previous.to_vec(), None));
        }
        // Else the clause's subject: an actor before it; a pronoun for
        // the one the text follows; an explicit noun that names no actor
        // ("foreign powers continued to supply") holds no stance we know.
        if let Some(i) = self.nearest_before(cue.start, ask.cs, false) {
            return Some((self.ids_of(&self.expand_backward(i)), None));
        }
        let opens = self.word_after(ask.cs).unwrap_or_default();
        let cues = &self.ctx.kb.cues;
        if !(cues.is_pronoun(opens) || cues.carries_before(opens)) {
            return Some((Vec::new(), None));
        }
        self.main_subject(ask.speaker).map(|s| (s, None))
    }

    /// A conjoined verb ("ويقطع", "and thanked") shares the subject of the
    /// clause's first verb: the clause's first actor, or the speaker when
    /// the sentence opens with a pronoun.
    fn conjoined_subject(&self, ask: &SubjectQuery<'_>) -> Option<Holders> {
        let (cue, cs, ce) = (ask.cue, ask.cs, ask.ce);
        // An Arabic conjoined verb with its own subject right after it
        // ("ورحبت كل من قطر وألمانيا") is verb-first like any other.
        let own_subject = ask.arabic
            && self
                .first_after(cue.end, ce, 2)
                .is_some_and(|i| !self.is_media(self.mentions[i]));
        if ask.is_noun || own_subject || !self.is_conjoined(cue) {
            return None;
        }
        let starts_pronoun = self
            .sentence_tokens()
            .first()
            .is_some_and(|t| self.ctx.kb.cues.is_pronoun(&self.text()[t.start..t.end]));
        if starts_pronoun {
            if let Some(s) = ask.speaker {
                return Some((s.to_vec(), None));
            }
        }
        if !ask.previous.is_empty() {
            return Some((ask.previous.to_vec(), None));
        }
        // "… المسماري … . وثمّن ما وصفه …": a conjoined verb that opens
        // its sentence, with no subject after it (not even a medium,
        // "ونقلت وكالة رويترز"), continues the subject of the sentence
        // before.
        let opens_sentence = self
            .sentence_tokens()
            .first()
            .is_some_and(|t| t.start == cue.token_start)
            && self.first_after(cue.end, ce, 2).is_none();
        if let Some(p) = self
            .previous_speaker
            .as_ref()
            .filter(|p| opens_sentence && !p.is_empty())
        {
            return Some((p.clone(), None));
        }
        let first = (0..self.mentions.len()).find(|&i| {
            let m = self.mentions[i];
            m.token_start >= cs && m.start < cue.start && self.eligible(m)
        })?;
        Some((self.ids_of(&self.expand_forward(first)), None))
    }

    /// "انتقاد تركيا لحفتر": a verbal noun with an actor right after it and
    /// another introduced by لـ right after that has the first as its agent
    /// and the second as its object. A verb cue after a preposition
    /// ("برفض") is a verbal noun too; one of purpose ("لدعم X") takes its
    /// object as genitive (see `subject_after_or_context`).
    fn verbal_noun_agent(&self, ask: &SubjectQuery<'_>) -> Option<Holders> {
        let cue = ask.cue;
        let clitic = &self.text()[cue.token_start..cue.start];
        if !(ask.arabic && (ask.is_noun || clitic.ends_with('ب')) && !clitic.ends_with('ل')) {
            return None;
        }
        let i = self.first_after(cue.end, ask.ce, 0)?;
        let idx = self.expand_forward(i);
        let last = self.mentions[*idx.last().unwrap_or(&i)];
        let object = self.mentions.iter().any(|m| {
            m.token_start >= last.end
                && self.tokens_between(last.end, m.token_start) == 0
                && self.eligible(m)
                && self.text()[m.token_start..m.start].ends_with('ل')
        }) || self
            .word_after(last.end)
            .is_some_and(|w| w.starts_with("لل"));
        (object && !self.is_media(self.mentions[i])).then(|| (self.ids_of(&idx), Some(last.end)))
    }

    /// "الهجوم الذي شنته قوات حفتر على العاصمة": an Arabic event noun
    /// whose relative clause opens with a verb pointing back to it (شنته)
    /// has that verb's subject for agent; its object comes after it.
    fn noun_relative_agent(&self, ask: &SubjectQuery<'_>) -> Option<Holders> {
        if !(ask.arabic && ask.is_noun) {
            return None;
        }
        let text = self.text();
        let toks = self.sentence_tokens();
        let k = toks.iter().position(|t| t.start >= ask.cue.end)?;
        let (rel, verb) = (toks.get(k)?, toks.get(k + 1)?);
        if !self.ctx.kb.cues.is_relative(&text[rel.start..rel.end]) {
            return None;
        }
        let v = &text[verb.start..verb.end];
        let resumptive =
            (v.ends_with('ه') || v.ends_with("ها")) && crate::text::strip_enclitic(v).is_some();
        if !resumptive {
            return None;
        }
        let i = self.first_after(verb.end, self.sentence.end, 0)?;
        // No end offset: the object is looked for past the agent, and with
        // none there ("على العاصمة") the noun has no object, rather than
        // the topic before it.
        Some((self.ids_of(&self.expand_forward(i)), None))
    }

    /// No actor before the cue in its clause: a verb-first Arabic subject
    /// or genitive agent after it, else the stance before it, the speaker,
    /// or the nearest actor earlier in the sentence.
    fn subject_after_or_context(&self, ask: &SubjectQuery<'_>, genitive: bool) -> Holders {
        let (cue, speaker, previous, is_noun) = (ask.cue, ask.speaker, ask.previous, ask.is_noun);
        // "أنه رفض", "it rejected": a pronoun subject is whoever is speaking.
        let pronoun = self
            .word_before(cue.token_start)
            .is_some_and(|w| self.ctx.kb.cues.is_pronoun(w));
        let max_gap = if is_noun { 0 } else { 2 };
        // "لدعم X", "لتسليح X": a verbal noun of purpose takes its object
        // as genitive; its holder is the stance's before it, or the clause's.
        let purpose = is_noun && self.text()[cue.token_start..cue.start].ends_with('ل');
        let genitive = genitive && !purpose;
        if ask.arabic && !pronoun && (!is_noun || genitive) {
            if let Some(i) = self.first_after(cue.end, ask.ce, max_gap) {
                // A subject or genitive agent never follows a preposition
                // ("الشكر لتركيا", "رحبت بتركيا"): that is the object.
                let m = self.mentions[i];
                let clitics = &self.text()[m.token_start..m.start];
                let prep = clitics.contains(['ب', 'ل', 'ك']);
                if !self.is_media(m) && !prep {
                    let (ids, after) = self.source_from(i);
                    return (ids, after.map(|a| self.past_participle_phrase(a)));
                }
            }
        }
        // A noun with no subject of its own continues the stance before it
        // in the sentence ("قطع العلاقات مع تركيا، وإحالة السراج …").
        if is_noun && !previous.is_empty() {
            return (previous.to_vec(), None);
        }
        if let Some(s) = speaker {
            return (s.to_vec(), None);
        }
        if let Some(i) = self.nearest_before(cue.start, self.sentence.start, false) {
            return (self.ids_of(&self.expand_backward(i)), None);
        }
        (Vec::new(), None)
    }

    /// Where a verb-first subject ends when a participle with its own
    /// actor qualifies it: "قاتلت قوات البنيان المرصوص التابعة لحكومة الوفاق
    /// تنظيم داعش" has its object after "لحكومة الوفاق", which belongs to
    /// the subject.
    fn past_participle_phrase(&self, end: usize) -> usize {
        let rules = &self.ctx.kb.cues.rules;
        let participle = self.cues.iter().find(|c| {
            c.token_start >= end
                && self.tokens_between(end, c.token_start) == 0
                && matches!(c.kind, CueKind::Rule(ri)
                    if rules[ri].source == SourceSlot::Before
                        || (rules[ri].source == SourceSlot::After && rules[ri].target == TargetSlot::Before))
        });
        let Some(p) = participle else {
            return end;
        };
        self.first_after(p.end, self.sentence.end, 1)
            .map(|i| {
                let idx = self.expand_forward(i);
                self.mentions[*idx.last().unwrap_or(&i)].end
            })
            .unwrap_or(end)
    }

    /// "Italy, which backs X", "روما، التي تتهم فرنسا": in a relative clause
    /// with no subject of its own the actor it hangs on is the subject. An
    /// English clause has its own subject when an actor follows the pronoun
    /// ("which UN experts accused"); an Arabic one when the verb after the
    /// pronoun carries the resumptive object pronoun ("التي يتهمها").
    pub(super) fn relative_antecedent(&self, cue: &Cue, arabic: bool) -> Option<usize> {
        let cues = &self.ctx.kb.cues;
        let toks = self.sentence_tokens();
        let text = self.text();
        let at = toks.partition_point(|t| t.start < cue.token_start);
        // The nearest relative pronoun before the cue, within its stretch up
        // to a comma.
        let mut r = None;
        for j in (0..at).rev() {
            let w = &text[toks[j].start..toks[j].end];
            if matches!(w, "," | "،" | ";" | "؛" | ":" | "\"") {
                break;
            }
            if cues.is_relative(w) {
                r = Some(j);
                break;
            }
        }
        let r = r?;
        let rel = toks[r];
        let own_subject = if arabic {
            // The verb, or a noun soon after it ("وقع وزير دفاعها"), carries
            // the pronoun that points back to the antecedent.
            let rest = &toks[r + 1..(r + 4).min(toks.len())];
            rest.iter().enumerate().any(|(k, t)| {
                let w = &text[t.start..t.end];
                let resumptive = if k == 0 {
                    crate::text::strip_enclitic(w).is_some()
                } else {
                    ["ها", "هم", "هما"].iter().any(|e| w.ends_with(e))
                        && crate::text::strip_enclitic(w).is_some()
                };
                resumptive && !self.mentions.iter().any(|m| m.token_start == t.start)
            })
        } else {
            // Only auxiliaries and adverbs between the pronoun and the first
            // cue after it: the verb's subject is the antecedent ("which has
            // long backed"); any other word is a subject of its own ("which
            // Western governments accuse").
            let first = self
                .cues
                .iter()
                .filter(|c| matches!(c.kind, CueKind::Rule(_) | CueKind::Noun(_)))
                .map(|c| c.token_start)
                .filter(|&p| p > rel.start)
                .min()
                .unwrap_or(cue.token_start);
            toks[r + 1..]
                .iter()
                .take_while(|t| t.start < first)
                .any(|t| {
                    let w = &text[t.start..t.end];
                    !(cues.is_auxiliary(w) || (w.len() > 4 && w.ends_with("ly")))
                })
        };
        if own_subject {
            return None;
        }
        // The antecedent ends right before the pronoun (a comma between).
        (0..self.mentions.len())
            .rev()
            .find(|&i| self.mentions[i].end <= rel.start)
            .filter(|&i| {
                self.eligible(self.mentions[i])
                    && self.tokens_between(self.mentions[i].end, rel.start) <= 3
            })
    }

    /// Whether the cue's relative clause has a subject of its own that no
    /// pack lists, so the antecedent is not its subject. English: the cue
    /// does not open the clause and the word that does is no mark of a
    /// subjectless clause ("X, which Western governments accuse of …" but
    /// not "X, which has long backed …"). Arabic: the clause's first verb
    /// carries a resumptive object pronoun ("X، التي يتهمها مسؤولون …");
    /// without one ("X، التي واصلت قصف …") the antecedent is the subject.
    pub(super) fn own_subject_relative(&self, cue: &Cue) -> bool {
        let Some((ps, _)) = self.parenthetical_of(cue.start) else {
            return false;
        };
        let first = self.word_after(ps + 1).unwrap_or("");
        if self.cue_is_arabic(cue) {
            return !first.ends_with("نا") && crate::text::strip_enclitic(first).is_some();
        }
        let right_after = self.tokens_between(ps, cue.token_start) == 1;
        !right_after && !self.ctx.kb.cues.opens_subject_relative(first)
    }

    /// The subject of the clause a cue stands in (see
    /// [`TargetSlot::Subject`]), not one inside an aside.
    pub(super) fn clause_subject(&self, cue: &Cue, exclude: &[String]) -> Vec<String> {
        let (cs, _) = self.clause_of(cue.start);
        let text = self.text();
        let from = self
            .tokens_in(cs, cue.token_start)
            .iter()
            .rev()
            .find(|t| self.ctx.kb.cues.is_complementizer(&text[t.start..t.end]))
            .map_or(cs, |t| t.end);
        let pick = |from: usize| {
            (0..self.mentions.len()).find(|&i| {
                let m = self.mentions[i];
                m.token_start >= from
                    && m.start < cue.start
                    && self.eligible(m)
                    && !self.is_media(m)
                    && self.parenthetical_of(m.start).is_none()
                    && !m.ids.iter().all(|id| exclude.contains(id))
            })
        };
        let mut ids = pick(from)
            .or_else(|| self.fronted_adjunct_subject(cue, from, exclude))
            .or_else(|| pick(self.sentence.start))
            .map(|i| self.ids_of(&self.expand_forward(i)))
            .unwrap_or_default();
        ids.retain(|id| !exclude.contains(id));
        ids
    }

    /// Where a phrase a cue opens ends at a comma a few words on: "With the
    /// support of Turkey, the GNA …". The end of the comma.
    fn fronted_phrase_end(&self, cue: &Cue) -> Option<usize> {
        const PHRASE_WORDS: usize = 5;
        let text = self.text();
        self.tokens_in(cue.end, self.sentence.end)
            .iter()
            .take(PHRASE_WORDS + 1)
            .find(|t| matches!(&text[t.start..t.end], "," | "،"))
            .map(|t| t.end)
    }

    /// "وبدعم أمريكي، تواصل إسرائيل الحرب", "With Turkish support, the GNA
    /// pushed Haftar back": a phrase that opens its clause and closes with a
    /// comma modifies the clause after the comma, whose subject comes first
    /// (at most a verb before it).
    fn fronted_adjunct_subject(&self, cue: &Cue, from: usize, exclude: &[String]) -> Option<usize> {
        const VERB_WORDS: usize = 1;
        if self.words_between(from, cue.token_start) > 0 {
            return None;
        }
        let comma = self.fronted_phrase_end(cue)?;
        (0..self.mentions.len()).find(|&i| {
            let m = self.mentions[i];
            m.token_start >= comma
                && self.words_between(comma, m.token_start) <= VERB_WORDS
                && self.eligible(m)
                && !self.is_media(m)
                && !m.ids.iter().all(|id| exclude.contains(id))
        })
    }

    /// Holders and objects of an agent noun (see [`SourceSlot::Apposed`]).
    pub(super) fn apposed(&self, cue: &Cue) -> Apposition {
        let text = self.text();
        let mut out = Apposition::default();
        // "the GNA and its ally Turkey": the actor after backs the one before.
        let before = (0..self.mentions.len())
            .rev()
            .find(|&i| self.mentions[i].end <= cue.token_start && self.eligible(self.mentions[i]));
        let after = (0..self.mentions.len())
            .find(|&i| self.mentions[i].token_start >= cue.end && self.eligible(self.mentions[i]));
        if let (Some(a), Some(b)) = (before, after) {
            if self
                .ally_link(self.mentions[a], self.mentions[b])
                .is_some_and(|c| c.start == cue.start)
            {
                out.sources = self.ids_of(&self.expand_forward(b));
                out.targets = self.ids_of(&[a]);
                out.targets.retain(|t| !out.sources.contains(t));
                return out;
            }
        }
        // "رحبت مصر وحلفاء حفتر": a conjunction on the noun coordinates it.
        if self.cue_is_arabic(cue) && text[cue.token_start..cue.start].starts_with(['و', 'ف']) {
            return out;
        }
        let toks = self.sentence_tokens();
        let k = toks.partition_point(|t| t.start < cue.token_start);
        let walk = self.back_to_holder(k, &mut out);
        self.apposed_holder(k, &walk, &mut out);
        let mut object_end = None;
        if !walk.possessor {
            if let Some((targets, end)) = self.agent_noun_object(k) {
                out.targets = targets;
                object_end = end;
            }
        }
        if out.sources.is_empty() {
            if let Some(sources) = self.instance_holder(cue, k, object_end, walk.possessor) {
                out.sources = sources;
            }
        }
        out.targets.retain(|t| !out.sources.contains(t));
        if out.targets.is_empty() {
            out.sources.clear();
            out.span = None;
        }
        out
    }

    /// The last eligible mention ending at `end`.
    fn eligible_ending_at(&self, end: usize) -> Option<usize> {
        (0..self.mentions.len())
            .rev()
            .find(|&i| self.mentions[i].end == end && self.eligible(self.mentions[i]))
    }

    /// The first eligible mention whose token starts at `start`.
    fn eligible_starting_at(&self, start: usize) -> Option<usize> {
        (0..self.mentions.len())
            .find(|&i| self.mentions[i].token_start == start && self.eligible(self.mentions[i]))
    }

    /// Back from the agent noun at sentence token `k` over modifiers and
    /// links to the holder, taking a possessor on the way ("Ankara, the
    /// outgoing GNA's main military backer"): the possessor's actors become
    /// the apposition's objects.
    fn back_to_holder(&self, k: usize, out: &mut Apposition) -> HolderWalk {
        let cues = &self.ctx.kb.cues;
        let (links, modifiers) = (cues.apposition(), cues.noun_modifiers());
        let toks = self.sentence_tokens();
        let text = self.text();
        let word = |t: &Token| &text[t.start..t.end];
        let mut walk = HolderWalk {
            j: k,
            linked: false,
            possessor: false,
        };
        loop {
            let j = walk.j;
            if j > 0 && word(&toks[j - 1]) == "'s" && !walk.possessor {
                match self.eligible_ending_at(toks[j - 1].start) {
                    Some(i) => {
                        out.targets = self.ids_of(&[i]);
                        walk.possessor = true;
                        walk.j = toks.partition_point(|t| t.start < self.mentions[i].token_start);
                        continue;
                    }
                    None => break,
                }
            }
            if j > 0 && self.eligible_ending_at(toks[j - 1].end).is_some() {
                break;
            }
            let n = self.phrase_before(toks, j, links);
            if n > 0 {
                walk.linked = true;
                walk.j -= n;
                continue;
            }
            let n = self.phrase_before(toks, j, modifiers);
            if n == 0 {
                break;
            }
            walk.j -= n;
        }
        walk
    }

    /// The holder the walk back from the noun (at sentence token `k`)
    /// reached, if it stands in apposition, and the aside it opens.
    fn apposed_holder(&self, k: usize, walk: &HolderWalk, out: &mut Apposition) {
        let links = self.ctx.kb.cues.apposition();
        let toks = self.sentence_tokens();
        let text = self.text();
        let word = |t: &Token| &text[t.start..t.end];
        let j = walk.j;
        let Some(i) = j
            .checked_sub(1)
            .and_then(|p| self.eligible_ending_at(toks[p].end))
        else {
            return;
        };
        let p = toks.partition_point(|t| t.start < self.mentions[i].token_start);
        let (cs, _) = self.clause_of(self.mentions[i].start);
        // Without a link word between them, only a holder that opens
        // its clause or follows a copula ("وتعد أنقرة الداعم", "أن
        // تركيا أبرز داعمي"); after a verb and its subject a noun is
        // the object ("انتقدت تركيا الحليف الأبرز لحفتر").
        let apposed = walk.linked
            || toks[p].start <= cs
            || self.phrase_before(toks, p, links) > 0
            || p.checked_sub(1)
                .is_some_and(|b| self.ctx.kb.cues.is_complementizer(word(&toks[b])));
        if !apposed {
            return;
        }
        out.sources = self.ids_of(&self.expand_backward(i));
        // The aside runs from the comma after the holder to the
        // next comma.
        if toks.get(j).is_some_and(|t| matches!(word(t), "," | "،")) {
            let close = toks[k + 1..]
                .iter()
                .find(|t| matches!(word(t), "," | "،" | ";" | "؛"))
                .map(|t| t.start)
                .unwrap_or(self.sentence.end);
            out.span = Some((toks[j].start, close));
        }
    }

    /// The genitive after the noun at sentence token `k` ("backer of the
    /// GNA", "الداعم العسكري الرئيسي لحكومة الوفاق", "داعمي حفتر"), over
    /// modifiers only: its actors and where the last ends.
    fn agent_noun_object(&self, k: usize) -> Option<(Vec<String>, Option<usize>)> {
        let modifiers = self.ctx.kb.cues.noun_modifiers();
        let toks = self.sentence_tokens();
        let mut x = k + 1;
        while x < toks.len() {
            if let Some(i) = self.eligible_starting_at(toks[x].start) {
                let idx = self.expand_forward(i);
                let end = idx.last().map(|&l| self.mentions[l].end);
                return Some((self.ids_of(&idx), end));
            }
            let n = if toks[x].kind == crate::text::TokenKind::Punct {
                0
            } else {
                self.phrase_at(toks, x, modifiers)
            };
            if n == 0 {
                break;
            }
            x += n;
        }
        None
    }

    /// Holders named as instances after the noun and its object ("backers
    /// of Haftar such as Egypt and the UAE", "حلفاء حفتر مثل مصر"), or
    /// right after a possessed noun ("Haftar's main backer, the UAE, …").
    fn instance_holder(
        &self,
        cue: &Cue,
        k: usize,
        object_end: Option<usize>,
        possessor: bool,
    ) -> Option<Vec<String>> {
        let toks = self.sentence_tokens();
        let text = self.text();
        let from = object_end.unwrap_or(cue.end);
        let mut y = toks.partition_point(|t| t.start < from);
        while y < toks.len() && matches!(&text[toks[y].start..toks[y].end], "," | "،") {
            y += 1;
        }
        let n = self.phrase_at(toks, y, self.ctx.kb.cues.instances());
        if !(n > 0 || (possessor && y <= k + 2)) {
            return None;
        }
        let holder = toks
            .get(y + n)
            .and_then(|t| self.first_after(t.start, self.sentence.end, 1))
            .filter(|&i| !self.is_media(self.mentions[i]))?;
        Some(self.ids_of(&self.expand_forward(holder)))
    }

    /// The actors of mention `i` and those coordinated after it, with the
    /// end of the last: a source found after its cue.
    pub(super) fn source_from(&self, i: usize) -> (Vec<String>, Option<usize>) {
        let idx = self.expand_forward(i);
        let after = idx.last().map(|&j| self.mentions[j].end);
        (self.ids_of(&idx), after)
    }

    /// The holders of a hit by its rule's source slot; for a verb-first
    /// subject, where it ends (the objects follow it); for an agent noun,
    /// the objects its apposition names.
    pub(super) fn sources_for_slot(&self, hit: &Hit<'_>, last_sources: &[String]) -> FoundSources {
        let (cue, rule, ce, speaker) = (hit.cue, hit.rule, hit.ce, hit.speaker);
        let mut apposed_targets: Option<Vec<String>> = None;
        let (sources, after_source) = match rule.source {
            SourceSlot::Genitive => self.genitive_source(cue, ce),
            SourceSlot::Nearest => (
                self.nearest_before(cue.start, self.sentence.start, false)
                    .map(|i| self.ids_of(&self.expand_backward(i)))
                    .unwrap_or_default(),
                None,
            ),
            SourceSlot::Apposed => {
                let a = self.apposed(cue);
                apposed_targets = Some(a.targets);
                (a.sources, None)
            }
            SourceSlot::Subject => self.subject(cue, speaker, rule.genitive_agent, last_sources),
            SourceSlot::Speaker => (speaker.map(<[String]>::to_vec).unwrap_or_default(), None),
            SourceSlot::Previous => {
                if last_sources.is_empty() {
                    self.subject(cue, speaker, rule.genitive_agent, last_sources)
                } else {
                    (last_sources.to_vec(), None)
                }
            }
            // "X loyal to Y", "Turkish-backed Y": X stands right before.
            SourceSlot::Before => (
                self.nearest_before(cue.start, self.sentence.start, false)
                    .filter(|&i| self.tokens_between(self.mentions[i].end, cue.token_start) <= 2)
                    .map(|i| self.ids_of(&self.expand_backward(i)))
                    .unwrap_or_default(),
                None,
            ),
            SourceSlot::After => {
                // "بدعم تركي", "with Russian support": the demonym after
                // the noun makes one mention with it, covering the cue.
                // A prefix cue ("pro-Haftar") binds to its own word only.
                let prefix = self.text()[cue.start..cue.end].ends_with('-');
                // Not past a complementizer: "حكومة الوفاق المدعومة دوليا
                // إن تركيا …" opens another clause.
                let text = self.text();
                let no_clause_between = |i: usize| {
                    !self
                        .tokens_in(cue.end, self.mentions[i].token_start)
                        .iter()
                        .any(|t| self.ctx.kb.cues.is_complementizer(&text[t.start..t.end]))
                };
                let idx = self
                    .covering_mention(cue)
                    .or_else(|| {
                        self.first_after(cue.end, ce, 2)
                            .filter(|&i| no_clause_between(i))
                    })
                    .or_else(|| self.instance_after(cue.end, ce))
                    .filter(|&i| !prefix || self.mentions[i].start == cue.end)
                    .filter(|&i| !self.is_media(self.mentions[i]));
                let Some(i) = idx else {
                    return FoundSources {
                        sources: Vec::new(),
                        after_source: None,
                        apposed_targets,
                    };
                };
                // A phrase that opens its clause ends at its comma: what
                // follows is the clause's subject, no second holder.
                let (cs, _) = self.clause_of(cue.start);
                match self.fronted_phrase_end(cue) {
                    Some(comma) if self.words_between(cs, cue.token_start) == 0 => {
                        let idx: Vec<usize> = self
                            .expand_forward(i)
                            .into_iter()
                            .filter(|&j| self.mentions[j].start < comma)
                            .collect();
                        let after = idx.last().map(|&j| self.mentions[j].end);
                        (self.ids_of(&idx), after)
                    }
                    _ => self.source_from(i),
                }
            }
            SourceSlot::SpeakerFirst => match speaker {
                Some(s) if !s.is_empty() => (s.to_vec(), None),
                _ if !last_sources.is_empty() => (last_sources.to_vec(), None),
                _ => (self.nearest_holder(cue), None),
            },
            SourceSlot::Agent => (self.passive_agent(cue, ce), None),
        };
        FoundSources {
            sources,
            after_source,
            apposed_targets,
        }
    }

    /// The holder a genitive names right after the noun ("دعم تركيا");
    /// "الإمدادات الإماراتية" may be one mention, the noun with its demonym.
    fn genitive_source(&self, cue: &Cue, ce: usize) -> (Vec<String>, Option<usize>) {
        let text = self.text();
        let holder = self
            .covering_mention(cue)
            .or(self.first_after(cue.end, ce, 0))
            .filter(|&i| {
                let m = self.mentions[i];
                // A preposition marks an object ("لقوات حفتر"); the
                // article alone does not ("الإماراتية").
                let clitics = text[m.token_start..m.start].trim_end_matches("ال");
                !self.is_media(m) && !clitics.contains(['ب', 'ل', 'ك'])
            });
        holder.map_or((Vec::new(), None), |i| self.source_from(i))
    }

    /// The first actor named as an instance of a group after the cue
    /// ("backed by several countries, including the UAE and Egypt",
    /// "المدعوم من دول عدة بينها الإمارات"): the group noun is no actor,
    /// its instances hold the stance.
    fn instance_after(&self, at: usize, limit: usize) -> Option<usize> {
        const GROUP_WORDS: usize = 6;
        let instances = self.ctx.kb.cues.instances();
        (0..self.mentions.len()).find(|&i| {
            let m = self.mentions[i];
            if m.token_start < at
                || m.start >= limit
                || !self.eligible(m)
                || self.tokens_between(at, m.token_start) > GROUP_WORDS
            {
                return false;
            }
            let toks = self.tokens_in(at, m.token_start);
            // "such as the UAE": a determiner may stand before the name.
            let modifiers = self.ctx.kb.cues.noun_modifiers();
            let end = toks.len() - self.phrase_before(toks, toks.len(), modifiers);
            self.phrase_before(toks, end, instances) > 0
        })
    }

    /// A mention that covers the cue and more: a noun with its demonym
    /// adjective read as one actor ("الإمدادات الإماراتية", "Russian
    /// attack").
    fn covering_mention(&self, cue: &Cue) -> Option<usize> {
        (0..self.mentions.len()).find(|&i| {
            let m = self.mentions[i];
            m.token_start <= cue.token_start
                && m.end >= cue.end
                && (m.start < cue.start || m.end > cue.end)
                && self.eligible(m)
        })
    }

    /// The nearest actor before a cue, in its clause or else in its
    /// sentence: a speaker's stance when no speaker is known.
    fn nearest_holder(&self, cue: &Cue) -> Vec<String> {
        let (cs, _) = self.clause_of(cue.start);
        let i = self
            .nearest_before(cue.start, cs, false)
            .or_else(|| self.nearest_before(cue.start, self.sentence.start, false));
        i.map(|i| self.ids_of(&self.expand_backward(i)))
            .unwrap_or_default()
    }

    /// The actor after a passive "by" that follows the cue closely.
    fn passive_agent(&self, cue: &Cue, ce: usize) -> Vec<String> {
        let agent = self.cues.iter().find(|c| {
            c.kind == CueKind::Agent
                && c.start >= cue.end
                && self.tokens_between(cue.end, c.start) <= 4
        });
        agent
            .and_then(|a| self.first_after(a.end, ce.max(a.end + 1), 1))
            .map(|i| self.ids_of(&self.expand_forward(i)))
            .unwrap_or_default()
    }

    /// "X welcomed it, as did Y": Y is one more holder, not a target.
    pub(super) fn add_co_subjects(&self, cue: &Cue, ce: usize, sources: &mut Vec<String>) {
        let text = self.text();
        for m in &self.mentions {
            if m.token_start > cue.end
                && m.start < ce
                && self
                    .ctx
                    .kb
                    .cues
                    .is_co_subject(between(text, cue.end, m.token_start))
            {
                for id in &m.ids {
                    if !sources.contains(id) {
                        sources.push(id.clone());
                    }
                }
            }
        }
    }
}

/// The holders a source slot yields.
pub(super) struct FoundSources {
    pub(super) sources: Vec<String>,
    /// Where a holder found after its cue ends: the objects follow it.
    pub(super) after_source: Option<usize>,
    /// The objects an agent noun's apposition names; they replace the
    /// target slot's.
    pub(super) apposed_targets: Option<Vec<String>>,
}

/// Where the walk back from an agent noun to its holder stopped.
struct HolderWalk {
    /// The sentence token the walk reached; the holder ends right before.
    j: usize,
    /// Whether a link word (a comma, a copula: "is", "تعد") was crossed.
    linked: bool,
    /// Whether a possessor ("the GNA's backer") was taken on the way.
    possessor: bool,
}
