//! One cue rule at a time: whether the cue states anything here, who holds
//! it, whom it is about, and how negation, hedging, passives and control
//! verbs turn those roles.

use super::super::mentions::How;
use super::super::span::between;
use super::view::SentenceView;
use crate::graph::{Assertion, EvidenceJson};
use crate::lexicon::{CueKind, OnNegation, SourceSlot, TargetSlot};
use crate::model::Relation;

/// How confidence is scaled by what surrounds a statement.
const HEDGED: f64 = 0.6;

impl<'a, 'c> SentenceView<'a, 'c> {
    pub(super) fn run_rules(&self, speaker: Option<&[String]>, out: &mut Vec<Assertion>) {
        // Statements of earlier sentences carry other evidence (sentence index
        // and offsets), so duplicates can only come from this sentence: check
        // only those, or a 50k-sentence article costs O(n²) comparisons.
        let first_here = out.len();
        let text = self.text();
        let sentence_text = text[self.sentence.start..self.sentence.end].trim_end();
        if sentence_text.ends_with('?') || sentence_text.ends_with('؟') {
            return;
        }
        let mut last_sources: Vec<String> = Vec::new();
        // The object of the last controlling cue and where it ends.
        let mut control: Option<(Vec<String>, usize)> = None;
        // Negated cues so far (end, clause start): a negation covers the
        // verb phrase it opens ("will not hand over its weapons to X").
        let mut negated_cues: Vec<(usize, usize)> = Vec::new();
        for cue in &self.cues {
            let ri = match cue.kind {
                CueKind::Rule(ri) | CueKind::Noun(ri) => ri,
                _ => continue,
            };
            let rule = &self.ctx.kb.cues.rules[ri];
            let (cs, ce) = self.clause_of(cue.start);
            if !rule.requires.is_empty() && !self.has_word(cue.end, ce, &rule.requires) {
                continue;
            }
            if !rule.requires_before.is_empty()
                && !self.has_word(cs, cue.start, &rule.requires_before)
            {
                continue;
            }
            // "المتهمة بدعم حفتر": the cue is another word's complement; so
            // it is behind a verb and its subject ("تعهدت إيطاليا بدعم").
            if !rule.not_after.is_empty() {
                let toks = self.sentence_tokens();
                let p = toks.partition_point(|t| t.start < cue.token_start);
                let before_subject = self
                    .mentions
                    .iter()
                    .rev()
                    .find(|m| p > 0 && m.end == toks[p - 1].end)
                    .map(|m| toks.partition_point(|t| t.start < m.token_start));
                let heads = [Some(p), before_subject];
                if heads.iter().flatten().any(|&h| {
                    h > 0 && self.has_word(toks[h - 1].start, toks[h - 1].end, &rule.not_after)
                }) {
                    continue;
                }
            }
            if self.is_nominal_use(cue, rule.lang) {
                continue;
            }
            let window = rule
                .lang
                .map(|l| self.ctx.kb.cues.negation_window(l))
                .unwrap_or(1);
            // A denial covers what follows it up to the next comma, or past
            // an aside between commas when a complementizer follows it
            // ("نفت أنقرة، في بيان، أن تكون أرسلت …").
            if self.cues.iter().any(|c| {
                c.kind == CueKind::Denial
                    && c.end <= cue.token_start
                    && self.in_denial_scope(between(text, c.end, cue.token_start))
            }) {
                continue;
            }
            let negated = self.cues.iter().any(|c| {
                c.kind == CueKind::Negator
                    && c.end <= cue.token_start
                    && c.start >= cs
                    && self.tokens_between(c.end, cue.token_start) <= window
            }) || (matches!(cue.kind, CueKind::Rule(_))
                && negated_cues.iter().any(|&(end, at_clause)| {
                    // "did not criticise Moscow, and thanked Putin": a comma
                    // closes the negated verb phrase.
                    at_clause == cs
                        && end <= cue.token_start
                        && self.tokens_between(end, cue.token_start) <= 3
                        && !between(text, end, cue.token_start).contains([',', '،'])
                }));
            // A cue inside a proper name ("Political Dialogue Forum", "Joint
            // Military Commission") is part of the name, not a statement.
            if self.mentions.iter().any(|m| {
                (m.how == How::Name || m.how == How::Outcome)
                    && m.start <= cue.start
                    && cue.end <= m.end
                    && (m.start, m.end) != (cue.start, cue.end)
            }) {
                continue;
            }
            // "… لم يعد ممكناً", "… is out of the question": a negation after
            // the cue in the same clause.
            let negated = negated
                || self
                    .cues
                    .iter()
                    .any(|c| c.kind == CueKind::NegatorAfter && c.start >= cue.end && c.start < ce);
            if negated {
                negated_cues.push((cue.end, cs));
            }
            let mut relation = rule.relation();
            if negated {
                match rule.negated {
                    OnNegation::Drop => continue,
                    OnNegation::Opposes => relation = Relation::Opposes,
                }
            }
            let hedged = self.cues.iter().any(|c| {
                c.kind == CueKind::Conditional && c.end <= cue.token_start && c.start >= cs
            });
            let confidence = rule.confidence * if hedged { HEDGED } else { 1.0 };

            let mut apposed_targets: Option<Vec<String>> = None;
            let (sources, after_source) = match rule.source {
                SourceSlot::Genitive => {
                    // "الإمدادات الإماراتية" may be one mention, the noun
                    // with its demonym.
                    let covering = (0..self.mentions.len()).find(|&i| {
                        let m = self.mentions[i];
                        m.token_start <= cue.token_start && m.end > cue.end && self.eligible(m)
                    });
                    let holder = covering.or(self.first_after(cue.end, ce, 0)).filter(|&i| {
                        let m = self.mentions[i];
                        // A preposition marks an object ("لقوات حفتر"); the
                        // article alone does not ("الإماراتية").
                        let clitics = text[m.token_start..m.start].trim_end_matches("ال");
                        !self.is_media(m) && !clitics.contains(['ب', 'ل', 'ك'])
                    });
                    holder.map_or((Vec::new(), None), |i| self.source_from(i))
                }
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
                SourceSlot::Subject => {
                    self.subject(cue, speaker, rule.genitive_agent, &last_sources)
                }
                SourceSlot::Speaker => (speaker.map(<[String]>::to_vec).unwrap_or_default(), None),
                SourceSlot::Previous => {
                    if last_sources.is_empty() {
                        self.subject(cue, speaker, rule.genitive_agent, &last_sources)
                    } else {
                        (last_sources.clone(), None)
                    }
                }
                // "X loyal to Y", "Turkish-backed Y": X stands right before.
                SourceSlot::Before => (
                    self.nearest_before(cue.start, self.sentence.start, false)
                        .filter(|&i| {
                            self.tokens_between(self.mentions[i].end, cue.token_start) <= 2
                        })
                        .map(|i| self.ids_of(&self.expand_backward(i)))
                        .unwrap_or_default(),
                    None,
                ),
                SourceSlot::After => {
                    let idx = self
                        .first_after(cue.end, ce, 2)
                        .filter(|&i| !self.is_media(self.mentions[i]));
                    idx.map_or((Vec::new(), None), |i| self.source_from(i))
                }
                SourceSlot::SpeakerFirst => match speaker {
                    Some(s) if !s.is_empty() => (s.to_vec(), None),
                    _ if !last_sources.is_empty() => (last_sources.clone(), None),
                    _ => {
                        let (cs, _) = self.clause_of(cue.start);
                        let i = self
                            .nearest_before(cue.start, cs, false)
                            .or_else(|| self.nearest_before(cue.start, self.sentence.start, false));
                        (
                            i.map(|i| self.ids_of(&self.expand_backward(i)))
                                .unwrap_or_default(),
                            None,
                        )
                    }
                },
                SourceSlot::Agent => {
                    let agent = self.cues.iter().find(|c| {
                        c.kind == CueKind::Agent
                            && c.start >= cue.end
                            && self.tokens_between(cue.end, c.start) <= 4
                    });
                    let ids = agent
                        .and_then(|a| self.first_after(a.end, ce.max(a.end + 1), 1))
                        .map(|i| self.ids_of(&self.expand_forward(i)))
                        .unwrap_or_default();
                    (ids, None)
                }
            };
            // "X welcomed it, as did Y": Y is one more holder, not a target.
            let mut sources = sources;
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
            // Who holds the stance and whom it is about, when the cue's own
            // slots would read them the wrong way round.
            let mut forced: Option<Vec<String>> = None;
            let english = rule.lang == Some(crate::model::Lang::En);
            let receive = self.cues.iter().any(|c| {
                c.kind == CueKind::Receive
                    && c.end <= cue.token_start
                    && c.start >= cs
                    && self.tokens_between(c.end, cue.token_start) <= 4
            });
            // "X was supplied by Y", "an accord signed in May by Y and Z".
            let verb = english
                && matches!(cue.kind, CueKind::Rule(_))
                && !text[cue.start..cue.end].ends_with("ing");
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
            let passive = (aux && !adjectival) || reduced;
            // Demands and nominal stances of the speaker ("to withdraw",
            // "the withdrawal of") are the content of the demand, not a
            // stance of its addressee.
            let controllable =
                !matches!(rule.source, SourceSlot::SpeakerFirst | SourceSlot::Speaker);
            if let Some((ids, _)) = control
                .as_ref()
                .filter(|_| controllable)
                .filter(|(_, end)| *end <= cue.token_start)
                .filter(|(_, end)| self.tokens_between(*end, cue.token_start) <= 3)
            {
                // "accused X of backing Y", "urged X to arm Y": X backs, arms.
                sources = ids.clone();
                forced = Some(self.targets_after(cue.end, ce, &rule.preps_norm, &sources));
            } else if receive && relation == Relation::Supports {
                // "X received support from Y", "حصلت X على دعم من Y".
                let giver = self
                    .first_after(cue.end, ce, 3)
                    .filter(|&i| !self.is_media(self.mentions[i]))
                    .map(|i| self.ids_of(&self.expand_forward(i)))
                    .unwrap_or_default();
                forced = Some(sources.clone());
                sources = giver;
            } else if passive && rule.source == SourceSlot::Subject {
                // Y supplies X; with no agent, no holder. Without an
                // auxiliary the participle hangs on the word before it.
                forced = Some(if aux {
                    sources.clone()
                } else {
                    self.nearest_before(cue.start, self.sentence.start, false)
                        .filter(|&i| {
                            self.tokens_between(self.mentions[i].end, cue.token_start) <= 1
                        })
                        .map(|i| self.ids_of(&self.expand_backward(i)))
                        .unwrap_or_default()
                });
                sources = agent
                    .map(|i| self.ids_of(&self.expand_forward(i)))
                    .unwrap_or_default();
            }
            if let Some(t) = apposed_targets {
                forced = Some(t);
            }
            let target_from = after_source.unwrap_or(cue.end);
            let mut hit_targets: Vec<String> = Vec::new();
            let mut pairs: Vec<(String, String)> = Vec::new();
            // A refused negotiation is a stance of the refuser towards the
            // other side only.
            let slot = if negated && rule.target == TargetSlot::Between {
                TargetSlot::After
            } else {
                rule.target
            };
            match slot {
                TargetSlot::After | TargetSlot::Before => {
                    // A cue phrase that ends in its preposition ("حل سياسي
                    // مع") has already introduced the actor after it.
                    let cue_text = &text[cue.start..cue.end];
                    let ends_in_prep = rule.preps_norm.iter().any(|p| {
                        cue_text
                            .strip_suffix(p.as_str())
                            .is_some_and(|head| head.ends_with(' '))
                    });
                    let mut targets = if negated
                        && rule.target == TargetSlot::Between
                        && !rule.preps_norm.is_empty()
                        && !ends_in_prep
                    {
                        // "will not negotiate with X": only the actor a
                        // preposition introduces is refused.
                        self.prep_targets(target_from, ce, &rule.preps_norm, &sources)
                    } else if slot == TargetSlot::After {
                        self.targets_after(target_from, ce, &rule.preps_norm, &sources)
                    } else {
                        self.target_before(cue.start, &sources)
                    };
                    // "backing Haftar and Syrian fighters brought in by
                    // Turkey": a participle with no comma before it hangs on
                    // the actor right before it, not on the conjuncts of
                    // another verb's object.
                    if slot == TargetSlot::Before
                        && rule.source == SourceSlot::After
                        && self.antecedent_of(cue.start).is_none()
                    {
                        let nearest = (0..self.mentions.len()).rev().find(|&i| {
                            let m = self.mentions[i];
                            m.end <= cue.token_start
                                && m.token_start >= self.sentence.start
                                && self.eligible(m)
                                && !m.ids.iter().all(|id| sources.contains(id))
                        });
                        if let Some(i) = nearest {
                            let m = self.mentions[i];
                            let gap = between(text, m.end, cue.token_start);
                            if !gap.contains([',', '،'])
                                && self.tokens_between(m.end, cue.token_start) <= 1
                            {
                                targets = self
                                    .ids_of(&[i])
                                    .into_iter()
                                    .filter(|id| !sources.contains(id))
                                    .collect();
                            }
                        }
                    }
                    // "X, which UN experts accused of …": in a relative clause
                    // with its own subject, the antecedent is the object.
                    if slot == TargetSlot::After && relation != Relation::NegotiatesWith {
                        if let Some(a) = self.antecedent_of(cue.start) {
                            let subject_inside =
                                self.parenthetical_of(cue.start).is_some_and(|(ps, _)| {
                                    self.mentions.iter().any(|m| {
                                        m.start >= ps && m.start < cue.start && self.eligible(m)
                                    })
                                });
                            // Unless the relative clause has no subject
                            // of its own ("Y, which backs X and accused Z").
                            let own = self
                                .relative_antecedent(cue, rule.lang == Some(crate::model::Lang::Ar))
                                .is_none();
                            // Only the clause's first cue: a later one
                            // ("… accuse of sending X to back Y") has
                            // objects of its own.
                            let first = self.parenthetical_of(cue.start).is_some_and(|(ps, _)| {
                                !self.cues.iter().any(|c| {
                                    matches!(c.kind, CueKind::Rule(_) | CueKind::Noun(_))
                                        && c.start >= ps
                                        && c.start < cue.start
                                })
                            });
                            // A verb-first subject after the verb counts, and so
                            // does one no pack lists ("which Gulf rivals accuse").
                            if (subject_inside
                                || after_source.is_some()
                                || self.own_subject_relative(cue))
                                && own
                                && first
                            {
                                let object: Vec<String> = self
                                    .ids_of(&[a])
                                    .into_iter()
                                    .filter(|id| !sources.contains(id))
                                    .collect();
                                if !object.is_empty() {
                                    targets = object;
                                }
                            }
                        }
                    }
                    // An object pronoun right after the verb ("rejected it")
                    // is the object: no actor further on takes its place.
                    if self
                        .word_after(cue.end)
                        .is_some_and(|w| matches!(w, "it" | "them" | "him" | "her"))
                    {
                        // "Egypt welcomed the plan, but X rejected it": the
                        // proposal named before stands for its proposer.
                        targets = self
                            .mentions
                            .iter()
                            .rev()
                            .find(|m| m.how == How::Proposal && m.end <= cue.start)
                            .map(|m| {
                                m.ids
                                    .iter()
                                    .filter(|id| !sources.contains(id))
                                    .cloned()
                                    .collect()
                            })
                            .unwrap_or_default();
                    }
                    // The object may stand past an aside between commas
                    // ("اتهم باشاغا، في تصريحات نقلتها قناة …، كلاً من
                    // الإمارات ومصر"): look on, up to the next cue.
                    // Only when the clause names no actor after the cue at all:
                    // "X التابع لـ X، … Y" has its object, the holder itself.
                    let clause_has_actor = self
                        .mentions
                        .iter()
                        .any(|m| m.token_start >= target_from && m.start < ce && self.eligible(m));
                    if targets.is_empty()
                        && slot == TargetSlot::After
                        && ce < self.sentence.end
                        && !clause_has_actor
                    {
                        let stop = self
                            .cues
                            .iter()
                            .filter(|c| {
                                c.start >= ce
                                    && matches!(
                                        c.kind,
                                        CueKind::Rule(_) | CueKind::Noun(_) | CueKind::Speech
                                    )
                            })
                            .map(|c| c.start)
                            .min()
                            .unwrap_or(self.sentence.end);
                        targets = self.targets_after(target_from, stop, &rule.preps_norm, &sources);
                    }
                    // "He was backed by Britain": a pronoun subject is the
                    // speaker the text is following, from before this
                    // sentence if it has one ("He was backed by Britain and
                    // France, whose envoys said …").
                    if targets.is_empty()
                        && slot == TargetSlot::Before
                        && self.starts_with_pronoun()
                    {
                        if let Some(s) = self.previous_speaker.as_deref().or(speaker) {
                            targets = s
                                .iter()
                                .filter(|id| !sources.contains(id))
                                .cloned()
                                .collect();
                        }
                    }
                    if rule.no_pair_target {
                        let pair_ids: Vec<&String> = self
                            .mentions
                            .iter()
                            .filter(|m| m.how == How::Pair && m.start >= cue.end && m.start < ce)
                            .flat_map(|m| m.ids.iter())
                            .collect();
                        targets.retain(|t| !pair_ids.contains(&t));
                    }
                    // Verb-first with no object actor after the subject: the
                    // topic named before the verb is what it is about
                    // ("the Turkish steps … : Egypt and Greece condemned").
                    if targets.is_empty()
                        && after_source.is_some()
                        && relation != Relation::NegotiatesWith
                    {
                        targets = self.target_before(cue.start, &sources);
                    }
                    // Past an origin ("jets from Syria to Haftar's forces")
                    // to the destination.
                    let origins = self.origins(&rule.origins, target_from, ce);
                    if slot == TargetSlot::After
                        && !targets.is_empty()
                        && targets
                            .iter()
                            .all(|t| origins.iter().any(|m| m.ids.contains(t)))
                    {
                        let past = origins.iter().map(|m| m.end).max().unwrap_or(target_from);
                        targets = self.targets_after(past, ce, &rule.preps_norm, &sources);
                    }
                    hit_targets = targets.clone();
                    for s in &sources {
                        for t in &targets {
                            pairs.push((s.clone(), t.clone()));
                            if rule.mutual {
                                pairs.push((t.clone(), s.clone()));
                            }
                        }
                    }
                    if rule.mutual && targets.is_empty() && sources.len() >= 2 {
                        all_pairs(&sources, true, &mut pairs);
                    }
                }
                TargetSlot::Subject => {
                    hit_targets = self.clause_subject(cue, &sources);
                    for s in &sources {
                        for t in &hit_targets {
                            pairs.push((s.clone(), t.clone()));
                        }
                    }
                }
                TargetSlot::Between => {
                    // "He and Dbeibah have traded accusations": the pronoun
                    // is the one the text follows, a co-subject.
                    let co = if rule.mutual && sources.len() == 1 {
                        self.pronoun_co_subject(speaker)
                    } else {
                        Vec::new()
                    };
                    let mut sources = sources.clone();
                    for id in co {
                        if !sources.contains(&id) {
                            sources.push(id);
                        }
                    }
                    let mut parties = self.parties_between(cue.end, ce);
                    let mut mediators: Vec<String> = Vec::new();
                    let mut from_context = false;
                    if parties.len() >= 2 {
                        mediators = sources
                            .iter()
                            .filter(|s| !parties.contains(s))
                            .cloned()
                            .collect();
                    } else if rule.fallback_pair {
                        // A mediator's parties: those named after the cue
                        // ("shuttling between the two delegations"), else the
                        // two sides the article has established.
                        mediators = sources.clone();
                        parties = self.targets_after(target_from, ce, &rule.preps_norm, &sources);
                        // Parties listed after the cue, not between "between"
                        // and "and" ("shuttled between the capitals, meeting
                        // X, Y and Z in turn"): the mediator meets each.
                        from_context = !mediators.is_empty();
                        if parties.len() < 2 {
                            // Sides the sentence does not name: the mediator
                            // deals with each; nothing says they talk together.
                            parties = self.pair_at(cue.start);
                            from_context = true;
                        }
                        parties.retain(|p| !mediators.contains(p));
                        if mediators.is_empty() {
                            parties.clear();
                        }
                    } else if rule.joint_only && sources.len() < 2 {
                        // One subject alone: no joint act.
                    } else if sources.len() >= 2 {
                        // "X and Y signed an agreement with Z": each with Z;
                        // without a "with", the subjects with each other.
                        let with = self.prep_targets(target_from, ce, &rule.preps_norm, &sources);
                        if with.is_empty() || rule.preps_norm.is_empty() {
                            parties = sources.clone();
                        } else {
                            for s in &sources {
                                for t in &with {
                                    pairs.push((s.clone(), t.clone()));
                                }
                            }
                        }
                    } else {
                        let targets =
                            self.targets_after(target_from, ce, &rule.preps_norm, &sources);
                        if targets.len() >= 2 && sources.len() == 1 {
                            // "X held talks with Y and Z", "with both sides":
                            // X with each; Y and Z not with each other.
                            mediators = sources.clone();
                            parties = targets;
                            parties.retain(|p| !mediators.contains(p));
                            from_context = true;
                        } else if !targets.is_empty() && !sources.is_empty() {
                            parties = sources.iter().chain(targets.iter()).cloned().collect();
                        }
                    }
                    if !from_context {
                        all_pairs(
                            &parties,
                            rule.mutual || relation != Relation::NegotiatesWith,
                            &mut pairs,
                        );
                    }
                    for m in &mediators {
                        for p in &parties {
                            pairs.push((m.clone(), p.clone()));
                        }
                    }
                }
            }
            if let Some(f) = &forced {
                pairs.clear();
                for s in &sources {
                    for t in f.iter().filter(|t| !sources.contains(t)) {
                        pairs.push((s.clone(), t.clone()));
                    }
                }
            }
            if rule.controls {
                let mut targets: Vec<String> = pairs.iter().map(|(_, t)| t.clone()).collect();
                // The object even when the cue's own holder is unnamed
                // ("X, which Gulf rivals accuse of funding Y").
                if targets.is_empty() {
                    targets = hit_targets.clone();
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
                control = (!targets.is_empty()).then_some((targets, end));
            }
            // "نقل المرتزقة من سوريا", "jets from Syria": an origin is no party.
            let origin: Vec<&String> = self
                .origins(&rule.origins, cue.end, ce)
                .iter()
                .flat_map(|m| m.ids.iter())
                .collect();
            pairs.retain(|(s, t)| !origin.contains(&s) && !origin.contains(&t));
            // "strikes on behalf of Haftar": the one an act is done for is
            // no target of an opposing stance.
            if relation == Relation::Opposes {
                let beneficiaries: Vec<&String> = self
                    .mentions
                    .iter()
                    .filter(|m| m.start >= cue.end && m.start < self.sentence.end)
                    .filter(|m| self.preceded_by(m, self.ctx.kb.cues.beneficiary()))
                    .flat_map(|m| m.ids.iter())
                    .collect();
                pairs.retain(|(_, t)| !beneficiaries.contains(&t));
            }
            if !sources.is_empty() {
                last_sources = sources.clone();
            }
            if std::env::var_os("STANCEGRAPH_DEBUG").is_some() {
                eprintln!(
                    "[{}] {} cue={:?} neg={negated} src={sources:?} pairs={pairs:?}",
                    self.index,
                    rule.id,
                    &text[cue.start..cue.end]
                );
            }
            let (cue_start, cue_end) = self.ctx.norm.orig_span(cue.start, cue.end);
            let (sent_start, sent_end) = self
                .ctx
                .norm
                .orig_span(self.sentence.start, self.sentence.end);
            let evidence = EvidenceJson {
                document: self.ctx.doc_id.to_string(),
                sentence: self.index,
                start: sent_start,
                end: sent_end,
                text: self.ctx.original[sent_start..sent_end].to_string(),
                cue: self.ctx.original[cue_start..cue_end].to_string(),
                cue_start,
                cue_end,
                event: rule.event.clone(),
                rule: rule.id.clone(),
                confidence: (confidence * 1000.0).round() / 1000.0,
            };
            for (s, t) in pairs {
                if s == t {
                    continue;
                }
                let a = Assertion {
                    source: s,
                    relation,
                    target: t,
                    evidence: evidence.clone(),
                };
                if !out[first_here..].contains(&a) {
                    out.push(a);
                }
            }
        }
    }
}

fn all_pairs(ids: &[String], both_directions: bool, out: &mut Vec<(String, String)>) {
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i + 1..] {
            out.push((a.clone(), b.clone()));
            if both_directions {
                out.push((b.clone(), a.clone()));
            }
        }
    }
}
