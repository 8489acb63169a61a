//! One cue rule at a time: whether the cue states anything here, who holds
//! it, whom it is about, and how negation, hedging, passives and control
//! verbs turn those roles.
//!
//! `run_rules` reads as the steps of one hit: license the cue, settle its
//! polarity, find its holders ([`super::subject`]), turn the roles where the
//! construction reads them the other way round, find its objects
//! ([`super::arguments`]), and hand the pairs to [`super::emit`].

use super::super::mentions::How;
use super::super::span::between;
use super::view::{Cue, SentenceView};
use crate::graph::Assertion;
use crate::lexicon::{CueKind, CueRule, OnNegation, SourceSlot, TargetSlot};
use crate::model::Relation;

/// How confidence is scaled by what surrounds a statement.
const HEDGED: f64 = 0.6;

/// A rule hit that states something: the cue, its rule and clause, and
/// the polarity and relation settled for it.
pub(super) struct Hit<'h> {
    pub(super) cue: &'h Cue,
    pub(super) rule: &'h CueRule,
    /// Start of the cue's clause.
    pub(super) cs: usize,
    /// End of the cue's clause.
    pub(super) ce: usize,
    pub(super) negated: bool,
    pub(super) relation: Relation,
    pub(super) confidence: f64,
    /// Who is speaking in the sentence.
    pub(super) speaker: Option<&'h [String]>,
}

/// What one cue of a sentence hands on to the next.
#[derive(Default)]
struct SentenceState {
    /// The holders of the last cue that had any.
    last_sources: Vec<String>,
    /// The object of the last controlling cue and where it ends.
    control: Option<(Vec<String>, usize)>,
    /// Negated cues so far (end, clause start): a negation covers the
    /// verb phrase it opens ("will not hand over its weapons to X").
    negated_cues: Vec<(usize, usize)>,
}

impl<'a, 'c> SentenceView<'a, 'c> {
    pub(super) fn run_rules(&self, speaker: Option<&[String]>, out: &mut Vec<Assertion>) {
        // Statements of earlier sentences carry other evidence (sentence index
        // and offsets), so duplicates can only come from this sentence: check
        // only those, or a 50k-sentence article costs O(n²) comparisons.
        let first_here = out.len();
        if self.is_question() {
            return;
        }
        let mut state = SentenceState::default();
        for cue in &self.cues {
            let ri = match cue.kind {
                CueKind::Rule(ri) | CueKind::Noun(ri) => ri,
                _ => continue,
            };
            let rule = &self.ctx.kb.cues.rules[ri];
            let Some(hit) = self.stated_hit(cue, rule, speaker, &mut state.negated_cues) else {
                continue;
            };
            self.apply_rule(&hit, &mut state, first_here, out);
        }
    }

    /// A question asserts nothing.
    fn is_question(&self) -> bool {
        let text = self.text();
        let sentence_text = text[self.sentence.start..self.sentence.end].trim_end();
        sentence_text.ends_with('?') || sentence_text.ends_with('؟')
    }

    /// The hit of a rule cue, unless the cue states nothing here (see
    /// [`Self::is_licensed`]) or a negation drops it. A negated cue is
    /// recorded so the verb phrase it opens stays negated.
    fn stated_hit<'h>(
        &self,
        cue: &'h Cue,
        rule: &'h CueRule,
        speaker: Option<&'h [String]>,
        negated_cues: &mut Vec<(usize, usize)>,
    ) -> Option<Hit<'h>> {
        let (cs, ce) = self.clause_of(cue.start);
        if !self.is_licensed(cue, rule, cs, ce) {
            return None;
        }
        let negated = self.is_negated(cue, rule, (cs, ce), negated_cues);
        if negated {
            negated_cues.push((cue.end, cs));
        }
        let mut relation = rule.relation();
        if negated {
            match rule.negated {
                OnNegation::Drop => return None,
                OnNegation::Opposes => relation = Relation::Opposes,
            }
        }
        let hedged = self
            .cues
            .iter()
            .any(|c| c.kind == CueKind::Conditional && c.end <= cue.token_start && c.start >= cs);
        let confidence = rule.confidence * if hedged { HEDGED } else { 1.0 };
        Some(Hit {
            cue,
            rule,
            cs,
            ce,
            negated,
            relation,
            confidence,
            speaker,
        })
    }

    /// The end of the clause after a verb-first subject that a comma
    /// closes ("استقبل حفتر، نائب وزير …"), when that clause opens with an
    /// actor (perhaps after a title word: نائب, "deputy").
    fn clause_after_subject(&self, subject_end: usize, ce: usize) -> Option<usize> {
        let text = self.text();
        if !matches!(between(text, subject_end, ce).trim(), "," | "،") || ce >= self.sentence.end {
            return None;
        }
        let (next_start, next_end) = self.clause_of(ce + 1);
        let opens_actor = self.mentions.iter().any(|m| {
            m.token_start >= next_start && self.tokens_between(next_start, m.token_start) <= 1
        });
        (next_start > subject_end && opens_actor).then_some(next_end)
    }

    /// Whether a cue states anything at all: the words its rule requires
    /// are there, it is not another word's complement, not used as a noun,
    /// not denied, and not part of a proper name.
    fn is_licensed(&self, cue: &Cue, rule: &CueRule, cs: usize, ce: usize) -> bool {
        let text = self.text();
        if !rule.requires.is_empty() && !self.has_word(cue.end, ce, &rule.requires) {
            return false;
        }
        if !rule.requires_before.is_empty() && !self.has_word(cs, cue.start, &rule.requires_before)
        {
            return false;
        }
        if !rule.excludes.is_empty() && self.has_word(cue.end, ce, &rule.excludes) {
            return false;
        }
        if self.is_complement(cue, rule) {
            return false;
        }
        // A prefix cue ("pro-", "anti-") speaks of the actor glued to it
        // only: "anti-democratic" says nothing.
        if text[cue.start..cue.end].ends_with('-')
            && !self.mentions.iter().any(|m| m.start == cue.end)
        {
            return false;
        }
        if self.is_nominal_use(cue, rule.lang) {
            return false;
        }
        // A denial covers what follows it up to the next comma, or past
        // an aside between commas when a complementizer follows it
        // ("نفت أنقرة، في بيان، أن تكون أرسلت …").
        if self.cues.iter().any(|c| {
            c.kind == CueKind::Denial
                && c.end <= cue.token_start
                && self.in_denial_scope(between(text, c.end, cue.token_start))
        }) {
            return false;
        }
        !self.inside_name(cue)
    }

    /// A cue inside a proper name ("Political Dialogue Forum", "Joint
    /// Military Commission") is part of the name, not a statement.
    fn inside_name(&self, cue: &Cue) -> bool {
        self.mentions.iter().any(|m| {
            (m.how == How::Name || m.how == How::Outcome)
                && m.start <= cue.start
                && cue.end <= m.end
                && (m.start, m.end) != (cue.start, cue.end)
        })
    }

    /// "المتهمة بدعم حفتر": the cue is another word's complement; so it is
    /// behind a verb and its subject ("تعهدت إيطاليا بدعم").
    fn is_complement(&self, cue: &Cue, rule: &CueRule) -> bool {
        if rule.not_after.is_empty() {
            return false;
        }
        let toks = self.sentence_tokens();
        let p = toks.partition_point(|t| t.start < cue.token_start);
        let before_subject = self
            .mentions
            .iter()
            .rev()
            .find(|m| p > 0 && m.end == toks[p - 1].end)
            .map(|m| toks.partition_point(|t| t.start < m.token_start));
        let heads = [Some(p), before_subject];
        heads
            .iter()
            .flatten()
            .any(|&h| h > 0 && self.has_word(toks[h - 1].start, toks[h - 1].end, &rule.not_after))
    }

    /// Holders, then a turn of roles, then objects, then the pairs: one
    /// stated hit from its cue to its assertions.
    fn apply_rule(
        &self,
        hit: &Hit<'_>,
        state: &mut SentenceState,
        first_here: usize,
        out: &mut Vec<Assertion>,
    ) {
        let (cue, rule) = (hit.cue, hit.rule);
        let found = self.sources_for_slot(hit, &state.last_sources);
        let mut sources = found.sources;
        let after_source = found.after_source;
        self.add_co_subjects(cue, hit.ce, &mut sources);
        let mut forced = self.turn_roles(hit, &mut sources, state.control.as_ref());
        if let Some(t) = found.apposed_targets {
            forced = Some(t);
        }
        let target_from = after_source.unwrap_or(cue.end);
        // "استقبل خليفة حفتر، نائب وزير الدفاع الروسي": a comma that closes
        // a verb-first subject leaves the verb's clause open.
        let widened;
        let hit = match after_source.and_then(|end| self.clause_after_subject(end, hit.ce)) {
            Some(ce) => {
                widened = Hit { ce, ..*hit };
                &widened
            }
            None => hit,
        };
        let (hit_targets, mut pairs) = self.slot_pairs(hit, &sources, after_source, target_from);
        if let Some(f) = &forced {
            pairs = super::emit::forced_pairs(&sources, f);
        }
        if rule.controls {
            state.control = self.controlled_object(hit, &pairs, &hit_targets, after_source);
        }
        if rule.swap {
            for (s, t) in &mut pairs {
                std::mem::swap(s, t);
            }
        }
        self.drop_bystanders(hit, &mut pairs);
        if pairs.is_empty()
            && rule.at_other_side
            && rule.source == SourceSlot::Subject
            && hit.relation == Relation::Opposes
            && forced.is_none()
            && !self.names_object_phrase(cue, hit.ce)
        {
            pairs = self.other_side_pairs(hit, &sources, &out[..]);
        }
        // An aside's holder ("Haftar, supported by the UAE and France,
        // carried out an onslaught to topple …") is no subject of the
        // clause it stands in.
        if !sources.is_empty() && self.parenthetical_of(cue.start).is_none() {
            state.last_sources = sources.clone();
        }
        if std::env::var_os("STANCEGRAPH_DEBUG").is_some() {
            eprintln!(
                "[{}] {} cue={:?} neg={} src={sources:?} pairs={pairs:?}",
                self.index,
                rule.id,
                &self.text()[cue.start..cue.end],
                hit.negated,
            );
        }
        self.emit(hit, pairs, first_here, out);
    }

    /// Who holds the stance and whom it is about, when the cue's own slots
    /// would read them the wrong way round: a controlling verb before it
    /// ("accused X of backing Y"), a receiving verb ("X received support
    /// from Y"), a passive ("X was supplied by Y"). Returns the objects
    /// that replace the slot's, and turns `sources` in place.
    fn turn_roles(
        &self,
        hit: &Hit<'_>,
        sources: &mut Vec<String>,
        control: Option<&(Vec<String>, usize)>,
    ) -> Option<Vec<String>> {
        let (cue, rule, ce) = (hit.cue, hit.rule, hit.ce);
        // Demands and nominal stances of the speaker ("to withdraw",
        // "the withdrawal of") are the content of the demand, not a
        // stance of its addressee.
        let controllable = !matches!(rule.source, SourceSlot::SpeakerFirst | SourceSlot::Speaker);
        if let Some((ids, _)) = control
            .filter(|_| controllable)
            .filter(|(_, end)| *end <= cue.token_start)
            .filter(|(_, end)| self.tokens_between(*end, cue.token_start) <= 3)
        {
            // "accused X of backing Y", "urged X to arm Y": X backs, arms.
            *sources = ids.clone();
            return Some(self.targets_after(cue.end, ce, &rule.preps_norm, sources));
        }
        if self.is_received(hit) && hit.relation == Relation::Supports {
            // "X received support from Y", "حصلت X على دعم من Y".
            let giver = self
                .first_after(cue.end, ce, 3)
                .filter(|&i| !self.is_media(self.mentions[i]))
                .map(|i| self.ids_of(&self.expand_forward(i)))
                .unwrap_or_default();
            let forced = Some(sources.clone());
            *sources = giver;
            return forced;
        }
        let passive = self.passive_of(hit);
        if passive.is_passive && rule.source == SourceSlot::Subject {
            // Y supplies X; with no agent, no holder. Without an
            // auxiliary the participle hangs on the word before it.
            let arabic = hit.rule.lang == Some(crate::model::Lang::Ar);
            let forced = Some(if arabic {
                // The patient follows the verb, before the agent marker.
                let before_agent = passive
                    .agent
                    .map_or(hit.ce, |i| self.mentions[i].token_start);
                self.first_after(hit.cue.end, before_agent, usize::MAX)
                    .map(|i| self.ids_of(&self.expand_forward(i)))
                    .unwrap_or_default()
            } else if passive.aux {
                sources.clone()
            } else {
                self.nearest_before(cue.start, self.sentence.start, false)
                    .filter(|&i| self.tokens_between(self.mentions[i].end, cue.token_start) <= 1)
                    .map(|i| self.ids_of(&self.expand_backward(i)))
                    .unwrap_or_default()
            });
            *sources = passive
                .agent
                .map(|i| self.ids_of(&self.expand_forward(i)))
                .unwrap_or_default();
            return forced;
        }
        None
    }

    /// Whether a receiving verb governs the cue ("received support",
    /// "حصلت على دعم").
    fn is_received(&self, hit: &Hit<'_>) -> bool {
        let cue = hit.cue;
        self.cues.iter().any(|c| {
            c.kind == CueKind::Receive
                && c.end <= cue.token_start
                && c.start >= hit.cs
                && self.tokens_between(c.end, cue.token_start) <= 4
        })
    }

    /// Whether a verb cue is passive ("X was supplied by Y", "an accord
    /// signed in May by Y and Z"; Arabic: [`Self::arabic_passive`]), with
    /// its auxiliary and agent.
    fn passive_of(&self, hit: &Hit<'_>) -> Passive {
        if hit.rule.lang == Some(crate::model::Lang::Ar) {
            return self.arabic_passive(hit);
        }
        let (cue, ce) = (hit.cue, hit.ce);
        let english = hit.rule.lang == Some(crate::model::Lang::En);
        let verb = english
            && matches!(cue.kind, CueKind::Rule(_))
            && !self.text()[cue.start..cue.end]
                .split(' ')
                .next()
                .is_some_and(|verb| verb.ends_with("ing"));
        let agent = self
            .cues
            .iter()
            .find(|c| {
                c.kind == CueKind::Agent
                    && c.start >= cue.end
                    && self.tokens_between(cue.end, c.start) <= 3
            })
            .and_then(|a| self.first_after(a.end, ce.max(a.end + 1), 1))
            .filter(|_| verb);
        let aux = verb
            && self
                .word_before_adverb(cue.token_start)
                .is_some_and(|w| self.ctx.kb.cues.is_passive_aux(w));
        // Without an auxiliary, only a participle whose agent follows it
        // closely ("signed last year by"), not an active verb with its
        // object ("rejected the plan launched by").
        let reduced = agent.is_some()
            && !self
                .word_after(cue.end)
                .is_some_and(|w| self.ctx.kb.cues.is_nominal_before(w));
        // "is opposed to X" is an adjective with its own holder.
        let adjectival = agent.is_none() && self.word_after(cue.end) == Some("to");
        Passive {
            aux,
            agent,
            is_passive: (aux && !adjectival) || reduced,
        }
    }

    /// An Arabic verb with a passive agent marker later in its clause ("قتل
    /// ستة من ثوار مصراتة على يد عناصر من تنظيم الدولة"): what follows the
    /// verb is its patient, the actor after the marker its agent.
    fn arabic_passive(&self, hit: &Hit<'_>) -> Passive {
        let (cue, ce) = (hit.cue, hit.ce);
        let text = self.text();
        // The marker follows the patient closely: in "رفضهما الإجراءات
        // المتخذة من قبل المجلس" it is the participle's, and no actor
        // stands before it.
        let after_patient = |marker: &Cue| {
            self.mentions.iter().any(|m| {
                m.token_start >= cue.end
                    && m.end <= marker.token_start
                    && self.tokens_between(m.end, marker.token_start) <= 1
            })
        };
        let agent = matches!(cue.kind, CueKind::Rule(_))
            .then(|| {
                self.cues.iter().find(|c| {
                    c.kind == CueKind::Agent
                        && c.start >= cue.end
                        && c.end <= ce
                        && self.ctx.kb.cues.is_passive_agent(&text[c.start..c.end])
                })
            })
            .flatten()
            .filter(|c| after_patient(c))
            .and_then(|a| self.first_after(a.end, ce.max(a.end + 1), 2));
        Passive {
            aux: false,
            agent,
            is_passive: agent.is_some(),
        }
    }

    /// The objects of a hit by its target slot, and the pairs they make
    /// with the holders. The first value is the slot's objects even when
    /// the pairs come out empty (an unnamed holder).
    fn slot_pairs(
        &self,
        hit: &Hit<'_>,
        sources: &[String],
        after_source: Option<usize>,
        target_from: usize,
    ) -> (Vec<String>, Vec<(String, String)>) {
        let rule = hit.rule;
        let mut pairs: Vec<(String, String)> = Vec::new();
        // A refused negotiation is a stance of the refuser towards the
        // other side only.
        let slot = if hit.negated && rule.target == TargetSlot::Between {
            TargetSlot::After
        } else {
            rule.target
        };
        match slot {
            TargetSlot::After | TargetSlot::Before => {
                let targets = self.objects(hit, slot, sources, after_source, target_from);
                super::emit::cross_pairs(sources, &targets, rule.mutual, &mut pairs);
                if rule.mutual && targets.is_empty() && sources.len() >= 2 {
                    super::emit::all_pairs(sources, true, &mut pairs);
                }
                (targets, pairs)
            }
            TargetSlot::Subject => {
                let targets = self.clause_subject(hit.cue, sources);
                super::emit::cross_pairs(sources, &targets, false, &mut pairs);
                (targets, pairs)
            }
            TargetSlot::Between => {
                self.between_pairs(hit, sources, target_from, &mut pairs);
                (Vec::new(), pairs)
            }
        }
    }

    /// What a controlling cue hands to the cue right after it ("accused X
    /// of backing Y": X backs): its objects, even when its own holder is
    /// unnamed ("X, which Gulf rivals accuse of funding Y"), and where
    /// they end.
    fn controlled_object(
        &self,
        hit: &Hit<'_>,
        pairs: &[(String, String)],
        hit_targets: &[String],
        after_source: Option<usize>,
    ) -> Option<(Vec<String>, usize)> {
        let (cue, ce) = (hit.cue, hit.ce);
        let mut targets: Vec<String> = pairs.iter().map(|(_, t)| t.clone()).collect();
        if targets.is_empty() {
            targets = hit_targets.to_vec();
        }
        let end = self
            .mentions
            .iter()
            .filter(|m| m.start >= cue.end && m.start < ce)
            .filter(|m| m.ids.iter().any(|id| targets.contains(id)))
            .map(|m| m.end)
            .chain(after_source)
            .max()
            .unwrap_or(cue.end);
        (!targets.is_empty()).then_some((targets, end))
    }
}

/// How an English verb cue stands to its agent.
struct Passive {
    /// A passive auxiliary before it ("was supplied").
    aux: bool,
    /// The mention after its "by", if any.
    agent: Option<usize>,
    /// Read as passive: with an auxiliary (not an adjective: "is opposed
    /// to"), or a participle with its agent close after it.
    is_passive: bool,
}
