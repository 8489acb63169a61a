//! Whom a stance is about: the objects after a cue (introduced by its
//! prepositions or not), the actor before it, the parties of "between", the
//! two sides of the article, and the origins and beneficiaries that are no
//! party. Each target slot of a rule is filled from here.

use super::super::mentions::{How, Mention, SIDE_KINDS};
use super::super::span::between;
use super::emit::{all_pairs, cross_pairs};
use super::rules::Hit;
use super::view::{Cue, SentenceView};
use crate::graph::Assertion;
use crate::lexicon::{CueKind, SourceSlot, TargetSlot};
use crate::model::Relation;

impl<'a, 'c> SentenceView<'a, 'c> {
    /// Targets after `from`: with prepositions, the actor each one
    /// introduces (the first, and any repeated after a coordinator: "with X
    /// … or with Y"); failing that, or without prepositions, the first actor.
    /// Coordinated actors join their head.
    pub(super) fn targets_after(
        &self,
        from: usize,
        limit: usize,
        preps: &[String],
        exclude: &[String],
    ) -> Vec<String> {
        let text = self.text();
        let limit = self.object_limit(from, limit);
        // The object does not lie past a word that opens another clause
        // ("hosted a meeting, days after Turkey criticised …").
        let limit = self
            .sentence_tokens()
            .iter()
            .find(|t| {
                t.start >= from
                    && t.start < limit
                    && self.ctx.kb.cues.is_clause_opener(&text[t.start..t.end])
            })
            .map_or(limit, |t| t.start);
        let candidates = self.object_candidates(from, limit, exclude);
        let mut idx: Vec<usize> = Vec::new();
        if !preps.is_empty() {
            idx = self.prep_objects(from, limit, preps, &candidates);
            if idx.is_empty() {
                if let Some(&i) = candidates
                    .iter()
                    .find(|&&i| self.introduced_by(i, preps, from))
                {
                    idx = self.expand_forward(i);
                }
            }
        }
        // With no actor after its prepositions, the first actor is the
        // object, unless a preposition of the rule already opened an
        // object that is no actor ("cede power only to an elected
        // government and rejected the parliament's …").
        if idx.is_empty() {
            if let Some(&first) = candidates.first() {
                let object_before =
                    self.has_prep_phrase(from, self.mentions[first].token_start, preps);
                if !object_before {
                    idx = self.expand_forward(first);
                }
            }
        }
        // "backing Haftar and Syrian fighters brought in by Turkey": a
        // conjunct with a participle of its own opens another noun phrase.
        if let Some(cut) = idx.iter().skip(1).position(|&i| self.has_own_participle(i)) {
            idx.truncate(cut + 1);
        }
        let mut ids = self.ids_of(&idx);
        ids.retain(|id| !exclude.contains(id));
        ids
    }

    /// The mentions in [from, limit) that may be an object: eligible, not
    /// a reporter's source, not all excluded, not a compound modifier, not
    /// the agent of a participle after the subject ("قصفت قوات الانتقالي
    /// المدعومة إماراتيا مواقع …"), and not the subject of a verb of
    /// their own.
    fn object_candidates(&self, from: usize, limit: usize, exclude: &[String]) -> Vec<usize> {
        (0..self.mentions.len())
            .filter(|&i| {
                let m = self.mentions[i];
                // A mention that starts on the cue and runs past it is
                // after it too: "للمحتل التركي" is one mention of turkey.
                (m.token_start >= from || (m.start < from && m.end > from))
                    && m.start < limit
                    && self.eligible(m)
                    && !self.is_attributed(m)
                    && !m.ids.iter().all(|id| exclude.contains(id))
                    && !self.is_compound_modifier(m)
                    && (m.token_start < from
                        || self.participle_of_agent(i).is_none_or(|c| c.start < from))
                    && (self.tokens_between(from, m.token_start) == 0 || !self.is_verb_subject(m))
            })
            .collect()
    }

    /// The candidates the prepositions in [from, limit) introduce: the
    /// first, and any after a preposition repeated behind a coordinator,
    /// each with its coordinated companions.
    fn prep_objects(
        &self,
        from: usize,
        limit: usize,
        preps: &[String],
        candidates: &[usize],
    ) -> Vec<usize> {
        let text = self.text();
        let mut idx: Vec<usize> = Vec::new();
        let toks = self.ctx.tokens;
        let lo = toks.partition_point(|t| t.start < from);
        let hi = toks.partition_point(|t| t.start < limit);
        let mut seen_first = false;
        for k in lo..hi {
            let t = toks[k];
            let w = &text[t.start..t.end];
            let (is_prep, coordinated_clitic) = preps.iter().fold((false, false), |acc, p| {
                if acc.0 {
                    return acc;
                }
                if w == p {
                    (true, false)
                } else if w.len() > p.len()
                    && w.ends_with(p.as_str())
                    && crate::text::is_proclitic_chain(between(w, 0, w.len() - p.len()))
                {
                    (true, w.starts_with('و') || w.starts_with('ف'))
                } else {
                    (false, false)
                }
            });
            // A one-letter Arabic preposition is a proclitic of the
            // mention itself; introduced_by handles it below.
            if !is_prep {
                continue;
            }
            let coordinated = coordinated_clitic
                || k.checked_sub(1).is_some_and(|j| {
                    let pw = &text[toks[j].start..toks[j].end];
                    self.ctx.kb.cues.is_coordinator(pw)
                });
            if seen_first && !coordinated {
                continue;
            }
            // The preposition's own object: near it, with no stance verb
            // between ("to an elected government and rejected the
            // parliament's moves" names no recipient).
            if let Some(&i) = candidates.iter().find(|&&i| {
                let m = self.mentions[i];
                m.token_start > t.start
                    && self.tokens_between(t.end, m.token_start) <= 8
                    && !self
                        .cues
                        .iter()
                        .any(|c| c.start >= t.end && c.end <= m.token_start && self.is_verb_cue(c))
            }) {
                if !idx.contains(&i) {
                    idx.extend(self.expand_forward(i));
                }
                seen_first = true;
            }
        }
        idx
    }

    /// Like [`Self::targets_after`], but only when a preposition introduces
    /// an actor in the range.
    pub(super) fn prep_targets(
        &self,
        from: usize,
        limit: usize,
        preps: &[String],
        exclude: &[String],
    ) -> Vec<String> {
        let text = self.text();
        let limit = self.object_limit(from, limit);
        let has_prep = between(text, from, limit)
            .split_whitespace()
            .any(|w| preps.iter().any(|p| is_prep_word(w, p)));
        let clitic = (0..self.mentions.len()).any(|i| {
            let m = self.mentions[i];
            m.token_start >= from && m.start < limit && self.introduced_by(i, preps, from)
        });
        if has_prep || clitic {
            self.targets_after(from, limit, preps, exclude)
        } else {
            Vec::new()
        }
    }

    /// Where the object after `from` may end: `limit` (the cue's clause),
    /// or, when the subject ran on past that clause ("وقعت تركيا، وقطر
    /// مذكرة تفاهم مع …", issue 17), the end of the clause the subject ends
    /// in.
    pub(super) fn object_limit(&self, from: usize, limit: usize) -> usize {
        if from <= limit {
            return limit;
        }
        self.clause_of(from.saturating_sub(1)).1.max(from)
    }

    /// An actor right before a verb or speech cue of its own ("…, and
    /// Turkey condemned", "إن تركيا تدعم") is that verb's subject, no
    /// object of a cue before it (unless right after that cue: "UAE-backed
    /// Haftar forces shelled").
    pub(super) fn is_verb_subject(&self, m: &Mention) -> bool {
        let rules = &self.ctx.kb.cues.rules;
        self.cues.iter().any(|c| {
            let verb = match c.kind {
                CueKind::Rule(ri) => rules[ri].source == SourceSlot::Subject,
                CueKind::Speech | CueKind::Denial => true,
                _ => false,
            };
            verb && c.token_start == c.start
                && c.token_start >= m.end
                && between(self.text(), m.end, c.token_start).trim().is_empty()
        })
    }

    /// "the UN-backed government": an actor glued by a hyphen to the word
    /// after it modifies the noun that follows; the noun is the object.
    pub(super) fn is_compound_modifier(&self, m: &Mention) -> bool {
        let rest = between(self.text(), m.end, self.sentence.end);
        // The mention may hold the participle itself ("Turkish-backed",
        // a demonym with its agent noun): "abuses by Turkish-backed militias"
        // are the militias'.
        let own = &self.text()[m.start..m.end];
        let participle = own
            .rsplit_once('-')
            .is_some_and(|(head, tail)| !head.is_empty() && tail.ends_with("ed"));
        participle
            || self.is_prefixed_modifier(m)
            || rest
                .strip_prefix('-')
                .is_some_and(|r| r.chars().next().is_some_and(char::is_alphabetic))
    }

    /// Whether a cue is a verb of its own: a rule read off its subject,
    /// neither a modifier glued into a compound ("to UN-backed unity
    /// government", "the UN-recognised GNA") nor a prepositional phrase
    /// ("في صفوف").
    fn is_verb_cue(&self, c: &Cue) -> bool {
        let text = self.text();
        let modifier = c.start != c.token_start
            || text[..c.start].ends_with('-')
            || text[c.start..].starts_with('-');
        let first_word = text[c.start..c.end]
            .split_whitespace()
            .next()
            .unwrap_or_default();
        !modifier
            && matches!(c.kind, CueKind::Rule(ri)
                if self.ctx.kb.cues.rules[ri].source == SourceSlot::Subject)
            && !self.ctx.kb.cues.is_preposition(first_word)
    }

    /// "anti-Brotherhood Egypt", "pro-Haftar Russia": an actor in a pro-/
    /// anti- compound right before another actor names that one's leaning,
    /// and is no party of its own.
    pub(super) fn is_prefixed_modifier(&self, m: &Mention) -> bool {
        let before = &self.text()[m.token_start..m.start];
        before.strip_suffix('-').is_some_and(|b| {
            let word = b.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or(b);
            self.ctx.kb.cues.is_stance_prefix(word)
        }) && self.mentions.iter().any(|n| {
            n.token_start >= m.end
                && self.tokens_between(m.end, n.token_start) == 0
                && self.eligible(n)
        })
    }

    /// Whether a participle whose holder follows it ("brought in by",
    /// "المدعومة من") hangs on mention `i`, right after it.
    pub(super) fn has_own_participle(&self, i: usize) -> bool {
        let m = self.mentions[i];
        let rules = &self.ctx.kb.cues.rules;
        self.cues.iter().any(|c| {
            matches!(c.kind, CueKind::Rule(ri)
                if rules[ri].source == SourceSlot::After && rules[ri].target == TargetSlot::Before)
                && c.token_start >= m.end
                && self.tokens_between(m.end, c.token_start) == 0
        })
    }

    /// Whether a preposition (as a word, or as a proclitic of the mention's
    /// token) introduces mention `i`, looking back at most two tokens.
    pub(super) fn introduced_by(&self, i: usize, preps: &[String], from: usize) -> bool {
        let m = self.mentions[i];
        let text = self.text();
        let clitics = &text[m.token_start..m.start];
        if preps
            .iter()
            .any(|p| !p.is_empty() && clitics.contains(p.as_str()) && p.chars().count() == 1)
        {
            return true;
        }
        let toks = self.ctx.tokens;
        let at = toks.partition_point(|t| t.start < m.token_start);
        (1..=3).any(|back| {
            at.checked_sub(back).is_some_and(|j| {
                let t = toks[j];
                if t.start < from {
                    return false;
                }
                let w = &text[t.start..t.end];
                preps.iter().any(|p| is_prep_word(w, p))
            })
        })
    }

    /// The nearest actor before `at` that is not one of the sources, with
    /// its coordinated companions.
    pub(super) fn target_before(&self, at: usize, sources: &[String]) -> Vec<String> {
        if let Some(i) = self.antecedent_of(at) {
            let ids: Vec<String> = self
                .ids_of(&self.expand_backward(i))
                .into_iter()
                .filter(|id| !sources.contains(id))
                .collect();
            if !ids.is_empty() {
                return ids;
            }
        }
        let own = self.parenthetical_of(at);
        let found = (0..self.mentions.len()).rev().find(|&i| {
            let m = self.mentions[i];
            m.start < at
                && m.token_start >= self.sentence.start
                && self.eligible(m)
                && !m.ids.iter().all(|id| sources.contains(id))
                && match self.parenthetical_of(m.start) {
                    None => true,
                    Some(p) => Some(p) == own,
                }
        });
        let mut ids = found
            .map(|i| self.ids_of(&self.expand_backward(i)))
            .unwrap_or_default();
        ids.retain(|id| !sources.contains(id));
        ids
    }

    /// Mentions in [from, to) right after one of `preps` (perhaps with
    /// "the" between): origins, "من سوريا", "from Syria".
    pub(super) fn origins(&self, preps: &[String], from: usize, to: usize) -> Vec<&'c Mention> {
        if preps.is_empty() {
            return Vec::new();
        }
        let text = self.text();
        let toks = self.sentence_tokens();
        self.mentions
            .iter()
            .copied()
            .filter(|m| m.start >= from && m.start < to)
            .filter(|m| {
                let p = toks.partition_point(|t| t.start < m.token_start);
                // "from the X", "من قيادة حفتر": one word (an article, a
                // head noun) may stand between the preposition and the actor.
                // "كل من قطر وألمانيا" ("both Qatar and Germany") is no
                // origin: the indefinite frame lists the phrase.
                let is_origin = |back: usize| {
                    p >= back && {
                        let t = toks[p - back];
                        let word = &text[t.start..t.end];
                        let partitive = p > back && {
                            let before = toks[p - back - 1];
                            let phrase = format!("{} {word}", &text[before.start..before.end]);
                            self.ctx.kb.cues.is_indefinite(&phrase)
                        };
                        preps.iter().any(|o| o == word) && !partitive
                    }
                };
                is_origin(1) || is_origin(2)
            })
            .collect()
    }

    /// "between X and Y" belongs to the nearest noun before it: a "between"
    /// past another stance cue or an actor ("welcomed the deal, and Algeria
    /// called for a balance between X and Y") names no parties of this cue.
    pub(super) fn parties_between(&self, from: usize, limit: usize) -> Vec<String> {
        for cue in &self.cues {
            if cue.kind == CueKind::Between && cue.start >= from && cue.start < limit {
                let attached = !self.cues.iter().any(|c| {
                    matches!(c.kind, CueKind::Rule(_) | CueKind::Noun(_))
                        && c.start >= from
                        && c.end <= cue.start
                }) && !self
                    .mentions
                    .iter()
                    .any(|m| m.start >= from && m.end <= cue.start && self.eligible(m));
                if !attached {
                    continue;
                }
                if let Some(i) = self.first_after(cue.end, limit, 3) {
                    let ids = self.ids_of(&self.expand_forward(i));
                    if ids.len() >= 2 {
                        return ids;
                    }
                }
                if let Some(ids) = self.groups_between(cue.end, limit) {
                    return ids;
                }
            }
        }
        Vec::new()
    }

    /// "between forces loyal to X and forces of Y", "بين مجموعات موالية
    /// لـX وأخرى تابعة لـY": two noun phrases, each with an actor as its
    /// dependent, joined by "and" or a و word; the actors are the parties.
    /// Each phrase is at most four words before its actor and nothing but
    /// words (no comma, no stance cue) stands between.
    pub(super) fn groups_between(&self, from: usize, limit: usize) -> Option<Vec<String>> {
        const MAX_WORDS: usize = 4;
        let text = self.text();
        let i = self.first_after(from, limit, MAX_WORDS)?;
        let (a, b) = (self.mentions[i], *self.mentions.get(i + 1)?);
        if b.start >= limit || b.token_start < a.end || !(self.eligible(b) || self.is_media(b)) {
            return None;
        }
        let cue_in = |lo: usize, hi: usize| {
            self.cues.iter().any(|c| {
                matches!(c.kind, CueKind::Rule(_) | CueKind::Noun(_))
                    && c.start >= lo
                    && c.end <= hi
            })
        };
        // The phrase before the first actor may hold a stance word of its
        // own ("loyal to", "موالية"), but no clause break.
        if between(text, from, a.token_start).contains([',', '،', '.']) {
            return None;
        }
        let gap = between(text, a.end, b.token_start);
        let words: Vec<&str> = gap.split_whitespace().collect();
        let joined = words
            .first()
            .is_some_and(|w| *w == "and" || (w.starts_with('و') && w.chars().count() > 2));
        if !joined
            || words.len() > MAX_WORDS
            || gap.contains([',', '،', '.'])
            || cue_in(a.end, b.token_start)
        {
            return None;
        }
        let ids = self.ids_of(&[i, i + 1]);
        (ids.len() >= 2).then_some(ids)
    }

    /// The two sides at this point of the article: the two most recently
    /// named distinct actors of the side kinds.
    pub(super) fn pair_at(&self, at: usize) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        for m in self.ctx.mentions.iter().rev().filter(|m| m.start < at) {
            for id in m.ids.iter().rev() {
                let side = self
                    .ctx
                    .kb
                    .actors
                    .actor(id)
                    .is_some_and(|a| SIDE_KINDS.contains(&a.kind.as_str()));
                if side && !found.contains(id) {
                    found.push(id.clone());
                }
            }
            if found.len() >= 2 {
                found.truncate(2);
                found.sort();
                return found;
            }
        }
        Vec::new()
    }

    /// Whether one of `preps` (a word of two letters or more, perhaps after
    /// proclitics) stands in [from, to): the act names an object there,
    /// actor or not ("ثارت ضد الأخير", "strikes on the camp").
    pub(super) fn has_prep_phrase(&self, from: usize, to: usize, preps: &[String]) -> bool {
        let text = self.text();
        self.tokens_in(from, to).iter().any(|t| {
            let w = between(text, t.start, t.end);
            preps
                .iter()
                .filter(|p| p.chars().count() >= 2)
                .any(|p| is_prep_word(w, p))
        })
    }

    /// Whether a preposition of any rule (perhaps after proclitics) ends
    /// the cue or follows it within two words: the act names an object
    /// phrase, actor or not ("ثارت ضد الأخير", "غارات على مدن الساحل",
    /// "strikes on the camp").
    pub(super) fn names_object_phrase(&self, cue: &Cue, ce: usize) -> bool {
        const REACH: usize = 2;
        let text = self.text();
        let cues = &self.ctx.kb.cues;
        let after = self.tokens_in(cue.end, ce);
        let to = after[..after.len().min(REACH)]
            .last()
            .map_or(cue.end, |t| t.end);
        self.tokens_in(cue.token_start, to).iter().any(|t| {
            let w = between(text, t.start, t.end);
            cues.is_preposition(w)
                || w.char_indices().skip(1).take(3).any(|(k, _)| {
                    crate::text::is_proclitic_chain(between(w, 0, k))
                        && cues.is_preposition(between(w, k, w.len()))
                })
        })
    }

    /// An act with no object named, aimed at the other side ("Haftar
    /// launched an offensive" after a sentence on the GNA): each holder
    /// named close to the cue that is one of the article's two sides at
    /// this point, with the other, unless `earlier` statements show the
    /// holder backing it (Libya Dawn shelling a town after it is named with
    /// the GNC). A holder carried from further off ("Bashagha … denounced
    /// the appointment, describing it as a deal struck in the dark") is too
    /// weak a reading to guess its object from.
    pub(super) fn other_side_pairs(
        &self,
        hit: &Hit<'_>,
        sources: &[String],
        earlier: &[Assertion],
    ) -> Vec<(String, String)> {
        const NEAR: usize = 4;
        let cue = hit.cue;
        let near = |id: &String| {
            self.mentions.iter().any(|m| {
                m.ids.contains(id)
                    && m.start >= hit.cs
                    && m.end <= hit.ce
                    && ((m.end <= cue.token_start
                        && self.tokens_between(m.end, cue.token_start) <= NEAR)
                        || (m.token_start >= cue.end
                            && self.tokens_between(cue.end, m.token_start) <= 1))
            })
        };
        let backs = |s: &String, t: &String| {
            earlier.iter().any(|a| {
                a.relation == Relation::Supports
                    && ((&a.source, &a.target) == (s, t) || (&a.source, &a.target) == (t, s))
            })
        };
        let sides = self.pair_at(cue.start);
        let [a, b] = sides.as_slice() else {
            return Vec::new();
        };
        sources
            .iter()
            .filter(|s| near(s))
            .filter_map(|s| match s {
                s if s == a => Some((a.clone(), b.clone())),
                s if s == b => Some((b.clone(), a.clone())),
                _ => None,
            })
            .filter(|(s, t)| !backs(s, t))
            .collect()
    }

    /// The objects of an `after` or `before` target slot: the actors the
    /// cue's prepositions introduce (or the actor before it), corrected for
    /// the constructions that move them: a participle's noun, a relative
    /// clause's antecedent, an object pronoun, an aside, a pronoun subject,
    /// a verb-first topic, an origin.
    pub(super) fn objects(
        &self,
        hit: &Hit<'_>,
        slot: TargetSlot,
        sources: &[String],
        after_source: Option<usize>,
        target_from: usize,
    ) -> Vec<String> {
        let (cue, rule, ce) = (hit.cue, hit.rule, hit.ce);
        let mut targets = self.first_objects(hit, slot, sources, target_from);
        if slot == TargetSlot::Before && rule.source == SourceSlot::After {
            if let Some(t) = self.participle_object(cue, sources) {
                targets = t;
            }
        }
        if slot == TargetSlot::After && hit.relation != Relation::NegotiatesWith {
            if let Some(t) = self.relative_object(hit, sources, after_source) {
                targets = t;
            }
        }
        if let Some(t) = self.pronoun_object(cue, sources) {
            targets = t;
        }
        if targets.is_empty() && slot == TargetSlot::After {
            targets = self.objects_past_aside(hit, sources, target_from);
        }
        // "He was backed by Britain": a pronoun subject is the
        // speaker the text is following, from before this
        // sentence if it has one ("He was backed by Britain and
        // France, whose envoys said …").
        if targets.is_empty() && slot == TargetSlot::Before && self.starts_with_pronoun() {
            if let Some(s) = self.previous_speaker.as_deref().or(hit.speaker) {
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
        if targets.is_empty() && after_source.is_some() && hit.relation != Relation::NegotiatesWith
        {
            targets = self.target_before(cue.start, sources);
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
            targets = self.targets_after(past, ce, &rule.preps_norm, sources);
        }
        targets
    }

    /// The objects the slot names before any correction: after the cue
    /// (only those a preposition introduces, for a refused negotiation), or
    /// the nearest actor before it.
    fn first_objects(
        &self,
        hit: &Hit<'_>,
        slot: TargetSlot,
        sources: &[String],
        target_from: usize,
    ) -> Vec<String> {
        let (cue, rule, ce) = (hit.cue, hit.rule, hit.ce);
        // A cue phrase that ends in its preposition ("حل سياسي
        // مع") has already introduced the actor after it.
        let cue_text = &self.text()[cue.start..cue.end];
        let ends_in_prep = rule.preps_norm.iter().any(|p| {
            cue_text
                .strip_suffix(p.as_str())
                .is_some_and(|head| head.ends_with(' '))
        });
        if hit.negated
            && rule.target == TargetSlot::Between
            && !rule.preps_norm.is_empty()
            && !ends_in_prep
        {
            // "will not negotiate with X": only the actor a
            // preposition introduces is refused.
            self.prep_targets(target_from, ce, &rule.preps_norm, sources)
        } else if slot == TargetSlot::After {
            let arabic = rule.lang == Some(crate::model::Lang::Ar);
            if arabic && self.prep_object_is_no_actor(cue_text, target_from, ce) {
                return Vec::new();
            }
            self.targets_after(target_from, ce, &rule.preps_norm, sources)
        } else {
            self.target_before(cue.start, sources)
        }
    }

    /// "متحالفين مع غرفة ثوار ليبيا المحسوبة على … ثوار الزنتان": an
    /// Arabic cue that ends in a preposition has its object right after
    /// it (the noun comes first, its adjectives after); an actor only
    /// further on belongs to another phrase. English is left alone: its
    /// determiners and adjectives stand before the noun, and a window wide
    /// enough for them cost more objects than it saved.
    fn prep_object_is_no_actor(&self, cue_text: &str, from: usize, ce: usize) -> bool {
        const OBJECT_WORDS: usize = 4;
        let last = cue_text.rsplit(' ').next().unwrap_or("");
        if !cue_text.contains(' ') || !self.ctx.kb.cues.is_preposition(last) {
            return false;
        }
        let first = self
            .mentions
            .iter()
            .find(|m| m.token_start >= from && m.start < ce && self.eligible(m));
        first.is_some_and(|m| self.tokens_between(from, m.token_start) > OBJECT_WORDS)
    }

    /// "backing Haftar and Syrian fighters brought in by Turkey": a
    /// participle with no comma before it hangs on the actor right before
    /// it, not on the conjuncts of another verb's object.
    fn participle_object(&self, cue: &Cue, sources: &[String]) -> Option<Vec<String>> {
        if self.antecedent_of(cue.start).is_some() {
            return None;
        }
        let nearest = (0..self.mentions.len()).rev().find(|&i| {
            let m = self.mentions[i];
            m.end <= cue.token_start
                && m.token_start >= self.sentence.start
                && self.eligible(m)
                && !m.ids.iter().all(|id| sources.contains(id))
        })?;
        let m = self.mentions[nearest];
        let gap = between(self.text(), m.end, cue.token_start);
        (!gap.contains([',', '،']) && self.tokens_between(m.end, cue.token_start) <= 1).then(|| {
            self.ids_of(&[nearest])
                .into_iter()
                .filter(|id| !sources.contains(id))
                .collect()
        })
    }

    /// "X, which UN experts accused of …": in a relative clause with its
    /// own subject, the antecedent is the object.
    fn relative_object(
        &self,
        hit: &Hit<'_>,
        sources: &[String],
        after_source: Option<usize>,
    ) -> Option<Vec<String>> {
        let cue = hit.cue;
        let a = self.antecedent_of(cue.start)?;
        let subject_inside = self.parenthetical_of(cue.start).is_some_and(|(ps, _)| {
            self.mentions
                .iter()
                .any(|m| m.start >= ps && m.start < cue.start && self.eligible(m))
        });
        // Unless the relative clause has no subject
        // of its own ("Y, which backs X and accused Z").
        let own = self
            .relative_antecedent(cue, hit.rule.lang == Some(crate::model::Lang::Ar))
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
        if !((subject_inside || after_source.is_some() || self.own_subject_relative(cue))
            && own
            && first)
        {
            return None;
        }
        let object: Vec<String> = self
            .ids_of(&[a])
            .into_iter()
            .filter(|id| !sources.contains(id))
            .collect();
        (!object.is_empty()).then_some(object)
    }

    /// An object pronoun right after the verb ("rejected it") is the
    /// object: no actor further on takes its place. "Egypt welcomed the
    /// plan, but X rejected it": the proposal named before stands for its
    /// proposer.
    fn pronoun_object(&self, cue: &Cue, sources: &[String]) -> Option<Vec<String>> {
        if !self
            .word_after(cue.end)
            .is_some_and(|w| matches!(w, "it" | "them" | "him" | "her"))
        {
            return None;
        }
        Some(
            self.mentions
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
                .unwrap_or_default(),
        )
    }

    /// The object may stand past an aside between commas ("اتهم باشاغا، في
    /// تصريحات نقلتها قناة …، كلاً من الإمارات ومصر"): look on, up to the
    /// next cue. Only when the clause names no actor after the cue at all:
    /// "X التابع لـ X، … Y" has its object, the holder itself.
    fn objects_past_aside(
        &self,
        hit: &Hit<'_>,
        sources: &[String],
        target_from: usize,
    ) -> Vec<String> {
        let ce = hit.ce;
        let clause_has_actor = self
            .mentions
            .iter()
            .any(|m| m.token_start >= target_from && m.start < ce && self.eligible(m));
        if ce >= self.sentence.end || clause_has_actor {
            return Vec::new();
        }
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
        self.targets_after(target_from, stop, &hit.rule.preps_norm, sources)
    }

    /// The pairs of a `between` target slot: the parties named after
    /// "between" with each other, a mediator with each party, or joint
    /// holders with each other or with their partner.
    pub(super) fn between_pairs(
        &self,
        hit: &Hit<'_>,
        sources: &[String],
        target_from: usize,
        pairs: &mut Vec<(String, String)>,
    ) {
        let (cue, rule, ce) = (hit.cue, hit.rule, hit.ce);
        if let Some(genitive) = self.construct_participants(hit) {
            // "الدبيبة يستبق اجتماع صالح والمشري": the meeting's parties
            // are its genitive, whoever the clause's subject is.
            let parties = self.ids_of(&genitive);
            let others = genitive.last().map_or_else(Vec::new, |&last| {
                self.prep_targets(self.mentions[last].end, ce, &rule.preps_norm, &parties)
            });
            if others.is_empty() {
                all_pairs(
                    &parties,
                    rule.mutual || hit.relation != Relation::NegotiatesWith,
                    pairs,
                );
            } else {
                cross_pairs(&parties, &others, rule.mutual, pairs);
            }
            return;
        }
        // "He and Dbeibah have traded accusations": the pronoun
        // is the one the text follows, a co-subject.
        let co = if rule.mutual && sources.len() == 1 {
            self.pronoun_co_subject(hit.speaker)
        } else {
            Vec::new()
        };
        let mut sources = sources.to_vec();
        for id in co {
            if !sources.contains(&id) {
                sources.push(id);
            }
        }
        // "اندلعت اشتباكات … في مدينة بنغازي، شمال شرقي ليبيا، بين الجيش
        // وداعش": the parties may stand past the clause's commas, as long
        // as nothing else could own the "between" (see parties_between).
        let mut parties = self.parties_between(cue.end, ce);
        if parties.is_empty() {
            parties = self.parties_between(cue.end, self.sentence.end);
        }
        let mut mediators: Vec<String> = Vec::new();
        let mut from_context = false;
        if parties.len() >= 2 {
            mediators = sources
                .iter()
                .filter(|s| !parties.contains(s))
                .cloned()
                .collect();
        } else if rule.fallback_pair {
            (mediators, parties, from_context) = self.mediated_parties(hit, &sources, target_from);
        } else if rule.joint_only && sources.len() < 2 {
            // One subject alone: no joint act.
        } else if sources.len() >= 2 {
            // "X and Y signed an agreement with Z": each with Z;
            // without a "with", the subjects with each other.
            let with = self.prep_targets(target_from, ce, &rule.preps_norm, &sources);
            if with.is_empty() || rule.preps_norm.is_empty() {
                parties = sources.clone();
            } else {
                cross_pairs(&sources, &with, false, pairs);
            }
        } else {
            let targets = self.targets_after(target_from, ce, &rule.preps_norm, &sources);
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
                rule.mutual || hit.relation != Relation::NegotiatesWith,
                pairs,
            );
        }
        cross_pairs(&mediators, &parties, false, pairs);
    }

    /// The participants of an Arabic noun of a joint act in the construct
    /// state ("اجتماع صالح والمشري", "اجتماع المجلس"): bare (no ال, no
    /// enclitic) with a definite word or an actor right after it. `Some` of
    /// the genitive's mentions and those coordinated with it (none for a
    /// body no pack names: no parties).
    fn construct_participants(&self, hit: &Hit<'_>) -> Option<Vec<usize>> {
        let cue = hit.cue;
        // A mediation's genitive is its mediator ("برعاية الأمم المتحدة",
        // "وساطة مصر"), no party.
        let participants = !hit.rule.fallback_pair && hit.rule.source == SourceSlot::Subject;
        if !participants || !matches!(cue.kind, CueKind::Noun(_)) || !self.cue_is_arabic(cue) {
            return None;
        }
        let text = self.text();
        let token = self.tokens_in(cue.token_start, cue.end).first()?;
        let definite = text[cue.token_start..cue.start].contains("ال")
            || text[cue.start..cue.end].starts_with("ال");
        let word = &text[cue.token_start..cue.end];
        let possessed = crate::text::strip_enclitic(word).is_some();
        if definite || possessed || token.end != cue.end || word.contains(' ') {
            return None;
        }
        let next = self.tokens_in(cue.end, self.sentence.end).first()?;
        // A genitive carries no proclitic ("اتصالات بالطرفين" is a
        // prepositional object).
        let bare = |m: &Mention| m.token_start == next.start && m.start == next.start;
        if let Some(i) = (0..self.mentions.len()).find(|&i| bare(self.mentions[i])) {
            return self
                .eligible(self.mentions[i])
                .then(|| self.expand_forward(i));
        }
        // "اجتماع المجلس": a body no pack names met; but "توقيع الاتفاق مع
        // X" still has the subject and X as its parties.
        let definite_noun = text[next.start..next.end].starts_with("ال");
        let with = self.prep_targets(next.end, hit.ce, &hit.rule.preps_norm, &[]);
        (definite_noun && with.is_empty()).then(Vec::new)
    }

    /// A mediator's parties (for a rule with `fallback_pair`): those named
    /// after the cue ("shuttling between the two delegations"), else the
    /// two sides the article has established. Returns the mediators, the
    /// parties, and whether the parties came from context (the mediator
    /// deals with each; nothing says they deal with each other).
    fn mediated_parties(
        &self,
        hit: &Hit<'_>,
        sources: &[String],
        target_from: usize,
    ) -> (Vec<String>, Vec<String>, bool) {
        let mediators = sources.to_vec();
        let mut parties = self.targets_after(target_from, hit.ce, &hit.rule.preps_norm, sources);
        // Parties listed after the cue, not between "between"
        // and "and" ("shuttled between the capitals, meeting
        // X, Y and Z in turn"): the mediator meets each.
        let mut from_context = !mediators.is_empty();
        if parties.len() < 2 {
            // Sides the sentence does not name: the mediator
            // deals with each; nothing says they talk together.
            parties = self.pair_at(hit.cue.start);
            from_context = true;
        }
        parties.retain(|p| !mediators.contains(p));
        if mediators.is_empty() {
            parties.clear();
        }
        (mediators, parties, from_context)
    }

    /// Drops the actors that are no party: an origin ("نقل المرتزقة من
    /// سوريا", "jets from Syria"), and the one an opposing act is done for
    /// ("strikes on behalf of Haftar").
    pub(super) fn drop_bystanders(&self, hit: &Hit<'_>, pairs: &mut Vec<(String, String)>) {
        let (cue, ce) = (hit.cue, hit.ce);
        let origin: Vec<&String> = self
            .origins(&hit.rule.origins, cue.end, ce)
            .iter()
            .flat_map(|m| m.ids.iter())
            .collect();
        pairs.retain(|(s, t)| !origin.contains(&s) && !origin.contains(&t));
        if hit.relation == Relation::Opposes {
            let beneficiaries: Vec<&String> = self
                .mentions
                .iter()
                .filter(|m| m.start >= cue.end && m.start < self.sentence.end)
                .filter(|m| self.preceded_by(m, self.ctx.kb.cues.beneficiary()))
                .flat_map(|m| m.ids.iter())
                .collect();
            pairs.retain(|(_, t)| !beneficiaries.contains(&t));
        }
    }
}

/// Whether word `w` is preposition `p`, alone or after a chain of proclitics
/// ("وعلى" is على).
fn is_prep_word(w: &str, p: &str) -> bool {
    w == p
        || (w.len() > p.len()
            && w.ends_with(p)
            && crate::text::is_proclitic_chain(between(w, 0, w.len() - p.len())))
}
