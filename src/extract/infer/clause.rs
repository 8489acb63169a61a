//! Clause analysis: where clauses and asides (relative clauses,
//! appositions) begin and end, which mentions are coordinated, and how far a
//! negation or denial reaches. The subject and argument layers ask these
//! questions so they never pick an actor across a clause boundary.

use super::super::mentions::Mention;
use super::super::span::between;
use super::view::{Cue, SentenceView};
use crate::lexicon::{CueKind, CueRule};

impl<'a, 'c> SentenceView<'a, 'c> {
    /// ", which … ," and "، الذي … ،": mentions inside are not the subject of
    /// a verb outside.
    pub(super) fn find_parentheticals(&self) -> Vec<(usize, usize)> {
        let text = self.text();
        let toks = self.sentence_tokens();
        let mut spans = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            let word = &text[t.start..t.end];
            let cues = &self.ctx.kb.cues;
            if !(cues.is_relative(word) || cues.opens_aside(word)) || i == 0 {
                continue;
            }
            let prev = &text[toks[i - 1].start..toks[i - 1].end];
            if prev != "," && prev != "،" {
                continue;
            }
            // A comma before "including", "such as", "منها" goes on with
            // the aside's list: it closes at the comma after that.
            let instances = cues.instances();
            // So does a comma inside a list of actors ("supported by the
            // UAE, Egypt and France, carried out …").
            // The serial comma counts: "Egypt, Russia, and France".
            let in_list = |j: usize| {
                let ends_actor = self.mentions.iter().any(|m| m.end == toks[j].start);
                let starts_actor_at = |k: usize| {
                    toks.get(k)
                        .is_some_and(|n| self.mentions.iter().any(|m| m.token_start == n.start))
                };
                let serial = toks
                    .get(j + 1)
                    .is_some_and(|n| matches!(&text[n.start..n.end], "and" | "or"));
                ends_actor && (starts_actor_at(j + 1) || serial && starts_actor_at(j + 2))
            };
            let close = (i + 1..toks.len())
                .filter(|&j| matches!(&text[toks[j].start..toks[j].end], "," | "،" | ";" | "؛"))
                .find(|&j| self.phrase_at(toks, j + 1, instances) == 0 && !in_list(j))
                .map(|j| toks[j].start)
                .unwrap_or(self.sentence.end);
            spans.push((t.start, close));
        }
        spans
    }

    pub(super) fn clause_of(&self, at: usize) -> (usize, usize) {
        self.sentence
            .clauses
            .iter()
            .copied()
            .find(|&(s, e)| s <= at && at < e)
            .unwrap_or((self.sentence.start, self.sentence.end))
    }

    pub(super) fn parenthetical_of(&self, at: usize) -> Option<(usize, usize)> {
        self.parentheticals
            .iter()
            .copied()
            .find(|&(s, e)| s <= at && at < e)
    }

    /// Nearest eligible-or-media mention starting before `at` and at or after
    /// `from`, skipping parentheticals that do not contain `at`.
    pub(super) fn nearest_before(
        &self,
        at: usize,
        from: usize,
        include_media: bool,
    ) -> Option<usize> {
        let own = self.parenthetical_of(at);
        // Inside "X, which A accuse of …" the antecedent X is the object, not
        // the subject: it is the subject only when the verb follows the
        // relative pronoun closely ("X, which is backed by", "who accompanied").
        let antecedent_ok = own.is_none_or(|(ps, _)| self.tokens_between(ps, at) <= 2);
        (0..self.mentions.len()).rev().find(|&i| {
            let m = self.mentions[i];
            m.start < at
                && m.token_start >= from
                && (self.eligible(m) || (include_media && self.is_media(m)))
                && match self.parenthetical_of(m.start) {
                    None => own.is_none() || antecedent_ok || m.start > own.map_or(0, |p| p.0),
                    Some(p) => Some(p) == own,
                }
        })
    }

    /// The actor a parenthetical containing `at` hangs on ("the GNA, which
    /// is backed by Turkey"): the mention right before its relative pronoun.
    pub(super) fn antecedent_of(&self, at: usize) -> Option<usize> {
        let (ps, _) = self.parenthetical_of(at)?;
        (0..self.mentions.len())
            .rev()
            .find(|&i| self.mentions[i].end <= ps && self.eligible(self.mentions[i]))
            .filter(|&i| self.words_between(self.mentions[i].end, ps) <= 1)
    }

    /// Whether two mentions (a before b) are coordinated.
    pub(super) fn coordinated(&self, a: &Mention, b: &Mention) -> bool {
        let text = self.text();
        if b.token_start < a.end {
            return false;
        }
        let gap = between(text, a.end, b.token_start);
        // "According to X, Y …": the source of the report and the subject
        // of what it reports are no list.
        if gap.contains([',', '،']) && self.is_attributed(a) {
            return false;
        }
        let mut words: Vec<&str> = gap
            .split_whitespace()
            .filter(|w| *w != "the" && *w != "كل" && *w != "من")
            .collect();
        // "the GNA's forces and Haftar's": a possessive with its agent
        // noun belongs to the actor before it.
        if words.first() == Some(&"'s") {
            let nouns = words[1..]
                .iter()
                .take_while(|w| self.ctx.kb.actors.is_possessed_noun(w))
                .count();
            words.drain(..1 + nouns);
        }
        // "the LNA and western Libyan armed groups": adjectives of the
        // member after the conjunction.
        let mods = words
            .iter()
            .rev()
            .take_while(|w| self.ctx.kb.cues.is_member_modifier(w))
            .count();
        if mods < words.len() {
            words.truncate(words.len() - mods);
        }
        let gap = words.join(" ");
        let clitic = &text[b.token_start..b.start];
        if gap.is_empty() {
            return clitic.starts_with('و') || clitic.starts_with('ف');
        }
        // "السراج وقائد الجيش الوطني": و on a title noun before the next
        // actor joins the two as well.
        let titled = gap
            .strip_prefix('و')
            .is_some_and(|t| !t.contains(' ') && self.ctx.kb.actors.is_title(t));
        // The ally link scans the sentence's cues: asked last.
        titled
            || self.ctx.kb.cues.is_coordinator(&gap)
            || (gap == "," && !clitic.is_empty())
            || gap
                .strip_suffix(',')
                .is_some_and(|g| self.ctx.kb.cues.is_coordinator(g.trim()))
            || self.ally_link(a, b).is_some()
    }

    /// "the GNA and its ally Turkey", "حكومة الوفاق وحليفتها أنقرة": an
    /// agent noun with a possessive after a conjunction joins the actor
    /// after it (its holder) to the one before it (the possessor). The
    /// noun's cue, if `a` and `b` are so linked.
    pub(super) fn ally_link(&self, a: &Mention, b: &Mention) -> Option<&Cue> {
        let cues = &self.ctx.kb.cues;
        let text = self.text();
        let cue = self.cues.iter().find(|c| {
            c.token_start >= a.end
                && c.end <= b.token_start
                && matches!(c.kind, CueKind::Rule(ri) | CueKind::Noun(ri)
                    if cues.rules[ri].source == crate::lexicon::SourceSlot::Apposed)
        })?;
        let modifiers = cues.noun_modifiers();
        let is_modifier = |w: &str| {
            modifiers
                .iter()
                .any(|p| p.len() == 1 && Self::word_is(w, &p[0]))
        };
        let is_punct = |w: &str| w.chars().all(|ch| !ch.is_alphanumeric());
        // After the noun only modifiers and an opening bracket or comma (a
        // cue's end already takes in its suffix: "حليفتها").
        let word_end = cue.end;
        if !between(text, word_end, b.token_start)
            .split_whitespace()
            .all(|w| is_modifier(w) || is_punct(w))
        {
            return None;
        }
        let clitic = &text[cue.token_start..cue.start];
        if clitic.starts_with(['و', 'ف']) {
            // Arabic: the possessive is an enclitic on the noun itself.
            let word = &text[cue.token_start..word_end];
            let possessed = ["ه", "ها", "هم", "هما"].iter().any(|e| word.ends_with(e))
                && crate::text::strip_enclitic(word).is_some();
            return (possessed && between(text, a.end, cue.token_start).trim().is_empty())
                .then_some(cue);
        }
        // English: a conjunction, then a possessive among the modifiers.
        let before: Vec<&str> = between(text, a.end, cue.token_start)
            .split_whitespace()
            .collect();
        let mods = before.iter().rev().take_while(|w| is_modifier(w)).count();
        let possessive = before[before.len() - mods..]
            .iter()
            .any(|w| cues.is_pronoun_possessive(w));
        let head = before[..before.len() - mods].join(" ");
        (possessive && cues.is_coordinator(&head)).then_some(cue)
    }

    /// The mention and those coordinated after it.
    pub(super) fn expand_forward(&self, first: usize) -> Vec<usize> {
        let mut out = vec![first];
        let mut cur = first;
        // "with Hezbollah, the Iran-backed militant group": a compound
        // modifier of an apposition is no conjunct.
        while cur + 1 < self.mentions.len()
            && self.coordinated(self.mentions[cur], self.mentions[cur + 1])
            && !self.is_compound_modifier(self.mentions[cur + 1])
        {
            cur += 1;
            out.push(cur);
        }
        out
    }

    /// The mention and those coordinated before it.
    pub(super) fn expand_backward(&self, last: usize) -> Vec<usize> {
        let mut out = vec![last];
        let mut cur = last;
        while cur > 0 && self.coordinated(self.mentions[cur - 1], self.mentions[cur]) {
            cur -= 1;
            out.push(cur);
        }
        out.reverse();
        out
    }

    /// Whether a verb cue is joined to what precedes it by a conjunction:
    /// an Arabic و/ف proclitic, or "and" right before.
    pub(super) fn is_conjoined(&self, cue: &Cue) -> bool {
        let clitics = &self.text()[cue.token_start..cue.start];
        if clitics.starts_with('و') || clitics.starts_with('ف') {
            return true;
        }
        self.word_before(cue.token_start)
            .is_some_and(|w| w == "and")
    }

    /// Whether text between a denial and a cue leaves the cue denied: no
    /// comma, or one aside between two commas followed by a complementizer.
    pub(super) fn in_denial_scope(&self, between: &str) -> bool {
        let parts: Vec<&str> = between.split([',', '،']).collect();
        match parts.as_slice() {
            [_] => true,
            [_, _, rest] => rest
                .split_whitespace()
                .next()
                .is_some_and(|w| self.ctx.kb.cues.is_complementizer(w)),
            _ => false,
        }
    }

    /// An English cue used as a noun or modifier states nothing: "a supply
    /// hub", "mediation efforts", "since the fighting ended" (an -ing word
    /// after a determiner, unless a preposition ties it to its parties).
    pub(super) fn is_nominal_use(&self, cue: &Cue, lang: Option<crate::model::Lang>) -> bool {
        if lang != Some(crate::model::Lang::En) {
            return false;
        }
        let cues = &self.ctx.kb.cues;
        let word = &self.text()[cue.start..cue.end];
        if self
            .word_after(cue.end)
            .is_some_and(|w| cues.is_nominal_after(w))
        {
            return true;
        }
        !word.contains(' ')
            && word.ends_with("ing")
            && self
                .word_before(cue.token_start)
                .is_some_and(|w| cues.is_nominal_before(w))
            && !self.cues.iter().any(|c| {
                matches!(c.kind, CueKind::Between | CueKind::Agent)
                    && c.start >= cue.end
                    && self.tokens_between(cue.end, c.start) == 0
            })
    }

    /// Whether a negation covers the cue: a negator shortly before it in
    /// its clause, a negated verb phrase it continues, or a negation after
    /// it in the same clause ("… لم يعد ممكناً", "… is out of the
    /// question"). `negated_cues` are the negated cues before it (end,
    /// clause start).
    pub(super) fn is_negated(
        &self,
        cue: &Cue,
        rule: &CueRule,
        (cs, ce): (usize, usize),
        negated_cues: &[(usize, usize)],
    ) -> bool {
        let text = self.text();
        let window = rule
            .lang
            .map(|l| self.ctx.kb.cues.negation_window(l))
            .unwrap_or(1);
        // A verb-first negator keeps its subject between it and what it
        // negates ("رفض (رئيس الحكومة) الدبيبة تسليم السلطة"): the subject
        // does not count against the window. But an event with its own parties
        // ("رفض مجلس النواب الاتفاق بين تركيا و…") is a thing refused, and
        // stays stated, unless the negator stands right before it.
        let own_parties = rule.target == crate::lexicon::TargetSlot::Between
            && self.parties_between(cue.end, ce).len() >= 2;
        let negated = self.cues.iter().any(|c| {
            let gap = self.tokens_between(c.end, cue.token_start);
            c.kind == CueKind::Negator
                && c.end <= cue.token_start
                && c.start >= cs
                && (gap <= window || self.is_subject_between(c.end, cue.token_start))
                && !(own_parties && gap > 0)
        }) || (matches!(cue.kind, CueKind::Rule(_))
            && negated_cues.iter().any(|&(end, at_clause)| {
                // "did not criticise Moscow, and thanked Putin": a comma
                // closes the negated verb phrase.
                at_clause == cs
                    && end <= cue.token_start
                    && self.tokens_between(end, cue.token_start) <= 3
                    && !between(text, end, cue.token_start).contains([',', '،'])
            }));
        negated
            || self
                .cues
                .iter()
                .any(|c| c.kind == CueKind::NegatorAfter && c.start >= cue.end && c.start < ce)
    }
}
