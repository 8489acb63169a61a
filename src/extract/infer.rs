//! Stance inference: cue rules fill their source and target slots from the
//! mentions around them.
//!
//! Per sentence: find cue hits (rules, speech verbs, negators, denials,
//! conditionals, `between`, passive `by`); work out who is speaking; then for
//! each rule hit decide whether it is asserted (not negated into nothing,
//! not denied, not a question) and which actors stand in its slots.

use super::mentions::{How, Mention, INERT_KINDS};
use super::span::between;
use crate::graph::{Assertion, EvidenceJson};
use crate::lexicon::{CueKind, Knowledge, OnNegation, SourceSlot, TargetSlot};
use crate::model::Relation;
use crate::text::{NormText, Sentence, Token};

/// One cue hit in a sentence.
#[derive(Debug, Clone, Copy)]
struct Cue {
    start: usize,
    end: usize,
    token_start: usize,
    kind: CueKind,
    circumstantial: bool,
}

/// Everything inference needs about one document.
pub struct DocContext<'a> {
    /// Knowledge base.
    pub kb: &'a Knowledge,
    /// Document id.
    pub doc_id: &'a str,
    /// Original text.
    pub original: &'a str,
    /// Normalised view.
    pub norm: &'a NormText,
    /// Tokens of the normalised text.
    pub tokens: &'a [Token],
    /// Sentences.
    pub sentences: &'a [Sentence],
    /// All resolved mentions, in order.
    pub mentions: &'a [Mention],
}

/// What an agent noun says: who holds the stance, whom it is about, and
/// the aside it opens after a comma ("Ankara, the GNA's main backer, …").
#[derive(Debug, Default)]
struct Apposition {
    sources: Vec<String>,
    targets: Vec<String>,
    span: Option<(usize, usize)>,
}

/// How confidence is scaled by what surrounds a statement.
const HEDGED: f64 = 0.6;

/// Runs every rule over every sentence.
pub fn infer(ctx: &DocContext<'_>) -> Vec<Assertion> {
    let mut out = Vec::new();
    let mut speaker: Option<Vec<String>> = None;
    let mut previous_main: Option<Vec<String>> = None;
    // How often each actor has spoken so far: "the remarks", "the speech"
    // are those of the article's main speaker.
    let mut spoken: Vec<(Vec<String>, usize, usize)> = Vec::new();
    // "The outcome", "the vote": what the article opens with (see
    // `opening_topic`), once a sentence has named an actor.
    let mut opening: Option<Vec<String>> = None;
    let mut first = 0;
    for (si, sentence) in ctx.sentences.iter().enumerate() {
        let end = first + ctx.mentions[first..].partition_point(|m| m.sentence == si);
        let main_speaker = spoken
            .iter()
            .max_by_key(|(_, n, last)| (*n, *last))
            .map(|(ids, _, _)| ids.clone());
        let remarks: Vec<Mention> = ctx.mentions[first..end]
            .iter()
            .filter(|m| m.how == How::Remarks || m.how == How::Outcome)
            .filter(|m| m.ids.is_empty())
            .filter_map(|m| {
                let ids = match m.how {
                    How::Outcome => opening.clone()?,
                    _ => main_speaker.clone()?,
                };
                Some(Mention { ids, ..m.clone() })
            })
            .collect();
        let mut mentions: Vec<&Mention> = ctx.mentions[first..end]
            .iter()
            .filter(|m| !m.ids.is_empty())
            .chain(remarks.iter())
            .collect();
        mentions.sort_by_key(|m| m.start);
        first = end;
        let mut s = SentenceView::new(ctx, si, sentence, mentions);
        s.previous_speaker = speaker.clone().or_else(|| previous_main.clone());
        // A pronoun subject ("لكنه شدد", "he added") continues the last
        // speaker, or else whoever the previous sentence was about.
        speaker = s.speaker(speaker.take().or(previous_main.take()));
        if let Some(ids) = speaker.as_ref().filter(|ids| !ids.is_empty()) {
            match spoken.iter_mut().find(|(s, _, _)| s == ids) {
                Some(entry) => {
                    entry.1 += 1;
                    entry.2 = si;
                }
                None => spoken.push((ids.clone(), 1, si)),
            }
        }
        previous_main = s.main_subject(None);
        let before = out.len();
        s.run_rules(speaker.as_deref(), &mut out);
        if opening.is_none() {
            opening = opening_topic(&out[before..], previous_main.as_deref());
        }
    }
    out
}

/// The actors the article's opening sentence (the first that names one) is
/// about, for "the outcome", "the vote", "the two statements": whom it
/// supports ("البرلمان يمنح الثقة لحكومة الدبيبة" → the government), else
/// its subject ("السراج وعقيلة صالح يعلنان …" → both).
fn opening_topic(statements: &[Assertion], subject: Option<&[String]>) -> Option<Vec<String>> {
    let mut supported: Vec<String> = Vec::new();
    for a in statements {
        if a.relation == Relation::Supports && !supported.contains(&a.target) {
            supported.push(a.target.clone());
        }
    }
    if !supported.is_empty() {
        return Some(supported);
    }
    subject.filter(|s| !s.is_empty()).map(<[String]>::to_vec)
}

struct SentenceView<'a, 'c> {
    ctx: &'c DocContext<'a>,
    index: usize,
    sentence: &'c Sentence,
    mentions: Vec<&'c Mention>,
    cues: Vec<Cue>,
    parentheticals: Vec<(usize, usize)>,
    /// Who was speaking, or what was talked about, before this sentence:
    /// whom a sentence-initial pronoun refers to ("He was backed by X").
    previous_speaker: Option<Vec<String>>,
}

impl<'a, 'c> SentenceView<'a, 'c> {
    fn new(
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

    fn text(&self) -> &str {
        &self.ctx.norm.text
    }

    /// Whether a token's word is `word`, perhaps behind Arabic proclitics
    /// ("العسكري" is "عسكري", "وتعد" is "تعد").
    fn word_is(token: &str, word: &str) -> bool {
        token == word
            || token.strip_suffix(word).is_some_and(|head| {
                !head.is_empty() && head.len() <= 8 && crate::text::is_proclitic_chain(head)
            })
    }

    /// The longest of `phrases` whose words are the tokens right before
    /// index `end` of `toks`: how many tokens it spans (0: none).
    fn phrase_before(&self, toks: &[Token], end: usize, phrases: &[Vec<String>]) -> usize {
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
    fn phrase_at(&self, toks: &[Token], start: usize, phrases: &[Vec<String>]) -> usize {
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
    fn preceded_by(&self, m: &Mention, phrases: &[Vec<String>]) -> bool {
        let toks = self.sentence_tokens();
        let p = toks.partition_point(|t| t.start < m.token_start);
        if self.phrase_before(toks, p, phrases) > 0 {
            return true;
        }
        p > 0
            && &self.text()[toks[p - 1].start..toks[p - 1].end] == "the"
            && self.phrase_before(toks, p - 1, phrases) > 0
    }

    /// Whether a participle whose holder follows it ("brought in by",
    /// "المدعومة من") hangs on mention `i`, right after it.
    fn has_own_participle(&self, i: usize) -> bool {
        let m = self.mentions[i];
        let rules = &self.ctx.kb.cues.rules;
        self.cues.iter().any(|c| {
            matches!(c.kind, CueKind::Rule(ri)
                if rules[ri].source == SourceSlot::After && rules[ri].target == TargetSlot::Before)
                && c.token_start >= m.end
                && self.tokens_between(m.end, c.token_start) == 0
        })
    }

    /// Mentions in [from, to) right after one of `preps` (perhaps with
    /// "the" between): origins, "من سوريا", "from Syria".
    fn origins(&self, preps: &[String], from: usize, to: usize) -> Vec<&'c Mention> {
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
                let skip = usize::from(p > 0 && &text[toks[p - 1].start..toks[p - 1].end] == "the");
                p > skip && {
                    let t = toks[p - 1 - skip];
                    preps.iter().any(|o| o == &text[t.start..t.end])
                }
            })
            .collect()
    }

    /// The subject of the clause a cue stands in (see
    /// [`TargetSlot::Subject`]), not one inside an aside.
    fn clause_subject(&self, cue: &Cue, exclude: &[String]) -> Vec<String> {
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
            .or_else(|| pick(self.sentence.start))
            .map(|i| self.ids_of(&self.expand_forward(i)))
            .unwrap_or_default();
        ids.retain(|id| !exclude.contains(id));
        ids
    }

    /// Holders and objects of an agent noun (see [`SourceSlot::Apposed`]).
    fn apposed(&self, cue: &Cue) -> Apposition {
        let cues = &self.ctx.kb.cues;
        let links = cues.apposition();
        let modifiers = cues.noun_modifiers();
        let toks = self.sentence_tokens();
        let text = self.text();
        let word = |t: &Token| &text[t.start..t.end];
        let ending = |end: usize| {
            (0..self.mentions.len())
                .rev()
                .find(|&i| self.mentions[i].end == end && self.eligible(self.mentions[i]))
        };
        let starting = |start: usize| {
            (0..self.mentions.len())
                .find(|&i| self.mentions[i].token_start == start && self.eligible(self.mentions[i]))
        };
        let mut out = Apposition::default();
        // "رحبت مصر وحلفاء حفتر": a conjunction on the noun coordinates it.
        if self.cue_is_arabic(cue) && text[cue.token_start..cue.start].starts_with(['و', 'ف']) {
            return out;
        }
        let k = toks.partition_point(|t| t.start < cue.token_start);
        // Back over modifiers and links to the holder, taking a possessor
        // on the way ("Ankara, the outgoing GNA's main military backer").
        let mut j = k;
        let mut linked = false;
        let mut possessor = false;
        loop {
            if j > 0 && word(&toks[j - 1]) == "'s" && !possessor {
                match ending(toks[j - 1].start) {
                    Some(i) => {
                        out.targets = self.ids_of(&[i]);
                        possessor = true;
                        j = toks.partition_point(|t| t.start < self.mentions[i].token_start);
                        continue;
                    }
                    None => break,
                }
            }
            if j > 0 && ending(toks[j - 1].end).is_some() {
                break;
            }
            let n = self.phrase_before(toks, j, links);
            if n > 0 {
                linked = true;
                j -= n;
                continue;
            }
            let n = self.phrase_before(toks, j, modifiers);
            if n == 0 {
                break;
            }
            j -= n;
        }
        let holder = j.checked_sub(1).and_then(|p| ending(toks[p].end));
        if let Some(i) = holder {
            let p = toks.partition_point(|t| t.start < self.mentions[i].token_start);
            let (cs, _) = self.clause_of(self.mentions[i].start);
            // Without a link word between them, only a holder that opens
            // its clause or follows a copula ("وتعد أنقرة الداعم", "أن
            // تركيا أبرز داعمي"); after a verb and its subject a noun is
            // the object ("انتقدت تركيا الحليف الأبرز لحفتر").
            let apposed = linked
                || toks[p].start <= cs
                || self.phrase_before(toks, p, links) > 0
                || p.checked_sub(1)
                    .is_some_and(|b| self.ctx.kb.cues.is_complementizer(word(&toks[b])));
            if apposed {
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
        }
        // The genitive after the noun ("backer of the GNA", "الداعم العسكري
        // الرئيسي لحكومة الوفاق", "داعمي حفتر"), over modifiers only.
        let mut x = k + 1;
        let mut object_end = None;
        if !possessor {
            while x < toks.len() {
                if let Some(i) = starting(toks[x].start) {
                    let idx = self.expand_forward(i);
                    out.targets = self.ids_of(&idx);
                    object_end = idx.last().map(|&l| self.mentions[l].end);
                    break;
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
        }
        if out.sources.is_empty() {
            // "backers of Haftar such as Egypt and the UAE", "حلفاء حفتر مثل
            // مصر"; "Haftar's main backer, the UAE, …".
            let from = object_end.unwrap_or(cue.end);
            let mut y = toks.partition_point(|t| t.start < from);
            while y < toks.len() && matches!(word(&toks[y]), "," | "،") {
                y += 1;
            }
            let n = self.phrase_at(toks, y, cues.instances());
            if n > 0 || (possessor && y <= k + 2) {
                let holder = toks
                    .get(y + n)
                    .and_then(|t| self.first_after(t.start, self.sentence.end, 1))
                    .filter(|&i| !self.is_media(self.mentions[i]));
                if let Some(i) = holder {
                    out.sources = self.ids_of(&self.expand_forward(i));
                }
            }
        }
        out.targets.retain(|t| !out.sources.contains(t));
        if out.targets.is_empty() {
            out.sources.clear();
            out.span = None;
        }
        out
    }

    /// ", which … ," and "، الذي … ،": mentions inside are not the subject of
    /// a verb outside.
    fn find_parentheticals(&self) -> Vec<(usize, usize)> {
        let text = self.text();
        let toks = self.sentence_tokens();
        let mut spans = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            let word = &text[t.start..t.end];
            if !self.ctx.kb.cues.is_relative(word) || i == 0 {
                continue;
            }
            let prev = &text[toks[i - 1].start..toks[i - 1].end];
            if prev != "," && prev != "،" {
                continue;
            }
            let close = toks[i + 1..]
                .iter()
                .find(|t| matches!(&text[t.start..t.end], "," | "،" | ";" | "؛"))
                .map(|t| t.start)
                .unwrap_or(self.sentence.end);
            spans.push((t.start, close));
        }
        spans
    }

    fn sentence_tokens(&self) -> &'c [Token] {
        self.tokens_in(self.sentence.start, self.sentence.end)
    }

    /// The tokens that start in [from, to).
    fn tokens_in(&self, from: usize, to: usize) -> &'c [Token] {
        let toks = self.ctx.tokens;
        let lo = toks.partition_point(|t| t.start < from);
        let hi = toks.partition_point(|t| t.start < to).max(lo);
        &toks[lo..hi]
    }

    fn clause_of(&self, at: usize) -> (usize, usize) {
        self.sentence
            .clauses
            .iter()
            .copied()
            .find(|&(s, e)| s <= at && at < e)
            .unwrap_or((self.sentence.start, self.sentence.end))
    }

    fn parenthetical_of(&self, at: usize) -> Option<(usize, usize)> {
        self.parentheticals
            .iter()
            .copied()
            .find(|&(s, e)| s <= at && at < e)
    }

    /// Tokens strictly between two offsets.
    fn tokens_between(&self, from: usize, to: usize) -> usize {
        self.tokens_in(from, to).len()
    }

    fn eligible(&self, m: &Mention) -> bool {
        m.ids.iter().all(|id| {
            self.ctx
                .kb
                .actors
                .actor(id)
                .is_none_or(|a| !INERT_KINDS.contains(&a.kind.as_str()))
        })
    }

    fn is_media(&self, m: &Mention) -> bool {
        m.ids.iter().any(|id| {
            self.ctx
                .kb
                .actors
                .actor(id)
                .is_some_and(|a| a.kind == "media")
        })
    }

    /// Whether two mentions (a before b) are coordinated.
    fn coordinated(&self, a: &Mention, b: &Mention) -> bool {
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
        let words: Vec<&str> = gap
            .split_whitespace()
            .filter(|w| *w != "the" && *w != "كل" && *w != "من")
            .collect();
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
        titled
            || self.ctx.kb.cues.is_coordinator(&gap)
            || (gap == "," && !clitic.is_empty())
            || gap
                .strip_suffix(',')
                .is_some_and(|g| self.ctx.kb.cues.is_coordinator(g.trim()))
    }

    /// The actors of mention `i` and those coordinated after it, with the
    /// end of the last: a source found after its cue.
    fn source_from(&self, i: usize) -> (Vec<String>, Option<usize>) {
        let idx = self.expand_forward(i);
        let after = idx.last().map(|&j| self.mentions[j].end);
        (self.ids_of(&idx), after)
    }

    /// The mention and those coordinated after it.
    fn expand_forward(&self, first: usize) -> Vec<usize> {
        let mut out = vec![first];
        let mut cur = first;
        while cur + 1 < self.mentions.len()
            && self.coordinated(self.mentions[cur], self.mentions[cur + 1])
        {
            cur += 1;
            out.push(cur);
        }
        out
    }

    /// The mention and those coordinated before it.
    fn expand_backward(&self, last: usize) -> Vec<usize> {
        let mut out = vec![last];
        let mut cur = last;
        while cur > 0 && self.coordinated(self.mentions[cur - 1], self.mentions[cur]) {
            cur -= 1;
            out.push(cur);
        }
        out.reverse();
        out
    }

    fn ids_of(&self, idx: &[usize]) -> Vec<String> {
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

    /// Who is speaking in this sentence: the subject of a speech verb, the
    /// source a reporter cites, a headline's "X:". A speech verb with no
    /// named subject ("he added", "وقالت في بيان") continues the previous
    /// speaker; one with a subject we cannot resolve ends it.
    fn speaker(&self, previous: Option<Vec<String>>) -> Option<Vec<String>> {
        let text = self.text();
        // Headline or lead "X: …"
        if let Some(colon) = text[self.sentence.start..self.sentence.end].find(':') {
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
        }
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
        for cue in &self.cues {
            if cue.kind != CueKind::Speech {
                continue;
            }
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
                return match opening {
                    Some(i) => Some(self.ids_of(&self.expand_forward(i))),
                    None => previous,
                };
            }
            let (cs, _) = self.clause_of(cue.start);
            // '"…," said X', '"…," X said': a sentence that opens with a
            // quotation has its speaker after it; the actors quoted are
            // what was said, not who said it.
            let cs = match self.opening_quote_end() {
                Some(qe) if qe <= cue.token_start => cs.max(qe),
                _ => cs,
            };
            let before = self.word_before(cue.token_start);
            let after = self.word_after(cue.end);
            // "he said", "the statement said": no named subject, the last
            // speaker goes on. "The LNA spokesman said": the actor right
            // before the role noun is the speaker.
            let pronoun_subject = before.is_some_and(|w| {
                self.ctx.kb.cues.carries_before(w) || self.ctx.kb.cues.is_pronoun(w)
            });
            // An actor that ends right at the verb is its subject ("the LNA
            // spokesman described").
            let adjacent = (0..self.mentions.len()).rev().find(|&i| {
                let m = self.mentions[i];
                m.start >= cs
                    && m.end <= cue.token_start
                    && between(self.text(), m.end, cue.token_start)
                        .trim()
                        .is_empty()
            });
            if let Some(i) = adjacent {
                let ids = self.ids_of(&[i]);
                if !ids.is_empty() && !self.is_media(self.mentions[i]) {
                    return Some(ids);
                }
            }
            if pronoun_subject {
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
                        if !ids.is_empty() {
                            return Some(ids);
                        }
                    }
                    _ => return previous,
                }
            }
            // "إذ قال المتحدث باسم قواتها": an Arabic verb followed by a
            // definite noun that names no actor has that noun as subject,
            // not an actor of the clause before; it speaks for an actor
            // named soon after, else for no one we know.
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
            if noun_subject {
                return match self.first_after(cue.end, self.sentence.end, 3) {
                    Some(i) if self.is_media(self.mentions[i]) => None,
                    Some(i) => {
                        Some(self.ids_of(&self.expand_forward(i))).filter(|ids| !ids.is_empty())
                    }
                    None => None,
                };
            }
            let subject = self
                .nearest_before(cue.start, cs, true)
                .or_else(|| self.first_after(cue.end, self.sentence.end, 3));
            match subject {
                Some(i) if self.is_media(self.mentions[i]) => return None,
                Some(i) => {
                    let ids = self.ids_of(&self.expand_backward(i));
                    if !ids.is_empty() {
                        return Some(ids);
                    }
                }
                None => {
                    let continues = after.is_none_or(|w| self.ctx.kb.cues.carries_after(w));
                    return if continues { previous } else { None };
                }
            }
        }
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

    /// Where the quotation a sentence opens with ends (after its closing
    /// quote), if it opens with one.
    fn opening_quote_end(&self) -> Option<usize> {
        let s = &self.text()[self.sentence.start..self.sentence.end];
        let trimmed = s.trim_start();
        let body = trimmed.strip_prefix('"')?;
        let close = body.find('"')?;
        Some(self.sentence.start + (s.len() - trimmed.len()) + 1 + close + 1)
    }

    /// Whether a mention is the source an attribution cites ("according to
    /// X", "بحسب X"): a reporter's source, not one of the actors a stance
    /// is about.
    fn is_attributed(&self, m: &Mention) -> bool {
        self.cues.iter().any(|c| {
            c.kind == CueKind::Attribution
                && c.end <= m.token_start
                && self.tokens_between(c.end, m.token_start) <= 4
                && !between(self.text(), c.end, m.token_start).contains([',', '،'])
        })
    }

    fn starts_with_pronoun(&self) -> bool {
        self.sentence_tokens()
            .first()
            .is_some_and(|t| self.ctx.kb.cues.is_pronoun(&self.text()[t.start..t.end]))
    }

    /// A sentence opening "He and X …", "هو وX …": the actor the text is
    /// following stands for the pronoun.
    fn pronoun_co_subject(&self, speaker: Option<&[String]>) -> Vec<String> {
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

    fn word_before(&self, at: usize) -> Option<&str> {
        let toks = self.ctx.tokens;
        let i = toks.partition_point(|t| t.start < at);
        i.checked_sub(1)
            .map(|j| toks[j])
            .filter(|t| t.start >= self.sentence.start)
            .map(|t| &self.text()[t.start..t.end])
    }

    fn word_after(&self, at: usize) -> Option<&str> {
        let toks = self.ctx.tokens;
        let i = toks.partition_point(|t| t.start < at);
        toks.get(i)
            .filter(|t| t.start < self.sentence.end)
            .map(|t| &self.text()[t.start..t.end])
    }

    /// Nearest eligible-or-media mention starting before `at` and at or after
    /// `from`, skipping parentheticals that do not contain `at`.
    fn nearest_before(&self, at: usize, from: usize, include_media: bool) -> Option<usize> {
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
    fn antecedent_of(&self, at: usize) -> Option<usize> {
        let (ps, _) = self.parenthetical_of(at)?;
        (0..self.mentions.len())
            .rev()
            .find(|&i| self.mentions[i].end <= ps && self.eligible(self.mentions[i]))
            .filter(|&i| self.words_between(self.mentions[i].end, ps) <= 1)
    }

    /// Word tokens strictly between two offsets: quotes and commas do not
    /// count ('مرتزقة "فاغنر" الروسية، الذين').
    fn words_between(&self, from: usize, to: usize) -> usize {
        self.tokens_in(from, to)
            .iter()
            .filter(|t| {
                self.text()[t.start..t.end]
                    .chars()
                    .any(char::is_alphanumeric)
            })
            .count()
    }

    /// First eligible mention starting at or after `at`, before `limit`, with
    /// at most `max_gap` tokens between (usize::MAX: any).
    fn first_after(&self, at: usize, limit: usize, max_gap: usize) -> Option<usize> {
        (0..self.mentions.len()).find(|&i| {
            let m = self.mentions[i];
            m.token_start >= at
                && m.start < limit
                && (self.eligible(m) || self.is_media(m))
                && self.tokens_between(at, m.token_start) <= max_gap
        })
    }

    fn main_subject(&self, speaker: Option<&[String]>) -> Option<Vec<String>> {
        if let Some(s) = speaker {
            return Some(s.to_vec());
        }
        let first = (0..self.mentions.len()).find(|&i| self.eligible(self.mentions[i]))?;
        Some(self.ids_of(&self.expand_forward(first)))
    }

    /// The clause subject of a cue; returns the ids and, when the subject
    /// follows the cue (verb-first Arabic), the offset after it.
    fn subject(
        &self,
        cue: &Cue,
        speaker: Option<&[String]>,
        genitive: bool,
        previous: &[String],
    ) -> (Vec<String>, Option<usize>) {
        if cue.circumstantial {
            return (self.main_subject(speaker).unwrap_or_default(), None);
        }
        let (cs, ce) = self.clause_of(cue.start);
        let is_noun = matches!(cue.kind, CueKind::Noun(_));
        let arabic = matches!(cue.kind, CueKind::Rule(ri) | CueKind::Noun(ri) if self.ctx.kb.cues.rules[ri].lang == Some(crate::model::Lang::Ar));
        if let Some(a) = self.relative_antecedent(cue, arabic) {
            return (self.ids_of(&self.expand_backward(a)), None);
        }
        // "while backing X", "by arming Y": an adverbial gerund has the
        // subject of the stance before it, or of the sentence.
        if !arabic
            && !is_noun
            && self.text()[cue.start..cue.end].ends_with("ing")
            && self
                .word_before_adverb(cue.token_start)
                .is_some_and(|w| self.ctx.kb.cues.is_subordinator(w))
        {
            if !previous.is_empty() {
                return (previous.to_vec(), None);
            }
            if let Some(s) = self.main_subject(speaker) {
                return (s, None);
            }
        }
        // "the countries that back X": the subject is the noun before the
        // relative pronoun, which is no actor here. After a relative pronoun
        // an Arabic verb may still take its subject after it ("الحوار الذي
        // ترعاه الرباط").
        if self
            .word_before(cue.token_start)
            .is_some_and(|w| self.ctx.kb.cues.is_relative(w) || w == "that")
        {
            if arabic && !is_noun {
                // The verb points back to the antecedent as its object
                // (relative_antecedent found none): its subject follows,
                // perhaps as "officials in X" ("مسؤولون في X").
                let after = self
                    .first_after(cue.end, ce, 2)
                    .filter(|&i| !self.is_media(self.mentions[i]));
                if let Some(i) = after {
                    let idx = self.expand_forward(i);
                    let end = idx.last().map(|&j| self.mentions[j].end);
                    return (self.ids_of(&idx), end);
                }
            }
            return (Vec::new(), None);
        }
        // A conjoined verb ("ويقطع", "and thanked") shares the subject of
        // the clause's first verb: the clause's first actor, or the speaker
        // when the sentence opens with a pronoun.
        // "من يسلح X", "whoever arms X": an indefinite subject holds no stance
        // (before a noun, من is the preposition "from").
        if !is_noun
            && self
                .word_before(cue.token_start)
                .is_some_and(|w| self.ctx.kb.cues.is_indefinite(w))
        {
            return (Vec::new(), None);
        }
        // English "… to protest": an infinitive of purpose has the subject of
        // the stance before it, or of the sentence.
        if !arabic && !is_noun && self.word_before(cue.token_start) == Some("to") {
            if !previous.is_empty() {
                return (previous.to_vec(), None);
            }
            // Else the clause's subject: an actor before it; a pronoun for
            // the one the text follows; an explicit noun that names no actor
            // ("foreign powers continued to supply") holds no stance we know.
            if let Some(i) = self.nearest_before(cue.start, cs, false) {
                return (self.ids_of(&self.expand_backward(i)), None);
            }
            let opens = self.word_after(cs).unwrap_or_default();
            let cues = &self.ctx.kb.cues;
            if !(cues.is_pronoun(opens) || cues.carries_before(opens)) {
                return (Vec::new(), None);
            }
            if let Some(s) = self.main_subject(speaker) {
                return (s, None);
            }
        }
        // An Arabic conjoined verb with its own subject right after it
        // ("ورحبت كل من قطر وألمانيا") is verb-first like any other.
        let own_subject = arabic
            && self
                .first_after(cue.end, ce, 2)
                .is_some_and(|i| !self.is_media(self.mentions[i]));
        if !is_noun && !own_subject && self.is_conjoined(cue) {
            let starts_pronoun = self
                .sentence_tokens()
                .first()
                .is_some_and(|t| self.ctx.kb.cues.is_pronoun(&self.text()[t.start..t.end]));
            if starts_pronoun {
                if let Some(s) = speaker {
                    return (s.to_vec(), None);
                }
            }
            if !previous.is_empty() {
                return (previous.to_vec(), None);
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
                return (p.clone(), None);
            }
            let first = (0..self.mentions.len()).find(|&i| {
                let m = self.mentions[i];
                m.token_start >= cs && m.start < cue.start && self.eligible(m)
            });
            if let Some(i) = first {
                return (self.ids_of(&self.expand_forward(i)), None);
            }
        }
        // "انتقاد تركيا لحفتر": a verbal noun with an actor right after it
        // and another introduced by لـ right after that has the first as
        // its agent and the second as its object.
        // A verb cue after a preposition ("برفض") is a verbal noun too; one
        // of purpose ("لدعم X") takes its object as genitive (see below).
        let clitic = &self.text()[cue.token_start..cue.start];
        if arabic && (is_noun || clitic.ends_with('ب')) && !clitic.ends_with('ل') {
            if let Some(i) = self.first_after(cue.end, ce, 0) {
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
                if object && !self.is_media(self.mentions[i]) {
                    return (self.ids_of(&idx), Some(last.end));
                }
            }
        }
        if let Some(i) = self.nearest_before(cue.start, cs, false) {
            return (self.ids_of(&self.expand_backward(i)), None);
        }
        // "أنه رفض", "it rejected": a pronoun subject is whoever is speaking.
        let pronoun = self
            .word_before(cue.token_start)
            .is_some_and(|w| self.ctx.kb.cues.is_pronoun(w));
        let max_gap = if is_noun { 0 } else { 2 };
        // "لدعم X", "لتسليح X": a verbal noun of purpose takes its object
        // as genitive; its holder is the stance's before it, or the clause's.
        let purpose = is_noun && self.text()[cue.token_start..cue.start].ends_with('ل');
        let genitive = genitive && !purpose;
        if arabic && !pronoun && (!is_noun || genitive) {
            if let Some(i) = self.first_after(cue.end, ce, max_gap) {
                // A subject or genitive agent never follows a preposition
                // ("الشكر لتركيا", "رحبت بتركيا"): that is the object.
                let m = self.mentions[i];
                let clitics = &self.text()[m.token_start..m.start];
                let prep = clitics.contains(['ب', 'ل', 'ك']);
                if !self.is_media(m) && !prep {
                    return self.source_from(i);
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

    /// Whether the cue's relative clause has a subject of its own that no
    /// pack lists, so the antecedent is not its subject. English: the cue
    /// does not open the clause and the word that does is no mark of a
    /// subjectless clause ("X, which Western governments accuse of …" but
    /// not "X, which has long backed …"). Arabic: the clause's first verb
    /// carries a resumptive object pronoun ("X، التي يتهمها مسؤولون …");
    /// without one ("X، التي واصلت قصف …") the antecedent is the subject.
    fn own_subject_relative(&self, cue: &Cue) -> bool {
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

    fn cue_is_arabic(&self, cue: &Cue) -> bool {
        matches!(cue.kind, CueKind::Rule(ri) | CueKind::Noun(ri) if self.ctx.kb.cues.rules[ri].lang == Some(crate::model::Lang::Ar))
    }

    /// Whether text between a denial and a cue leaves the cue denied: no
    /// comma, or one aside between two commas followed by a complementizer.
    fn in_denial_scope(&self, between: &str) -> bool {
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

    /// The word before `at`, skipping one adverb in -ly ("was quietly
    /// supplied", "while publicly backing").
    fn word_before_adverb(&self, at: usize) -> Option<&str> {
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

    /// An English cue used as a noun or modifier states nothing: "a supply
    /// hub", "mediation efforts", "since the fighting ended" (an -ing word
    /// after a determiner, unless a preposition ties it to its parties).
    fn is_nominal_use(&self, cue: &Cue, lang: Option<crate::model::Lang>) -> bool {
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

    /// "Italy, which backs X", "روما، التي تتهم فرنسا": in a relative clause
    /// with no subject of its own the actor it hangs on is the subject. An
    /// English clause has its own subject when an actor follows the pronoun
    /// ("which UN experts accused"); an Arabic one when the verb after the
    /// pronoun carries the resumptive object pronoun ("التي يتهمها").
    fn relative_antecedent(&self, cue: &Cue, arabic: bool) -> Option<usize> {
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

    /// An actor right before a verb or speech cue of its own ("…, and
    /// Turkey condemned", "إن تركيا تدعم") is that verb's subject, no
    /// object of a cue before it (unless right after that cue: "UAE-backed
    /// Haftar forces shelled").
    fn is_verb_subject(&self, m: &Mention) -> bool {
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

    /// Whether a verb cue is joined to what precedes it by a conjunction:
    /// an Arabic و/ف proclitic, or "and" right before.
    fn is_conjoined(&self, cue: &Cue) -> bool {
        let clitics = &self.text()[cue.token_start..cue.start];
        if clitics.starts_with('و') || clitics.starts_with('ف') {
            return true;
        }
        self.word_before(cue.token_start)
            .is_some_and(|w| w == "and")
    }

    /// Whether a preposition (as a word, or as a proclitic of the mention's
    /// token) introduces mention `i`, looking back at most two tokens.
    fn introduced_by(&self, i: usize, preps: &[String], from: usize) -> bool {
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
                preps.iter().any(|p| {
                    p == w
                        || (w.len() > p.len()
                            && w.ends_with(p.as_str())
                            && crate::text::is_proclitic_chain(between(w, 0, w.len() - p.len())))
                })
            })
        })
    }

    /// "the UN-backed government": an actor glued by a hyphen to the word
    /// after it modifies the noun that follows; the noun is the object.
    fn is_compound_modifier(&self, m: &Mention) -> bool {
        let rest = between(self.text(), m.end, self.sentence.end);
        // The mention may hold the participle itself ("Turkish-backed",
        // a demonym with its agent noun): "abuses by Turkish-backed militias"
        // are the militias'.
        let own = &self.text()[m.start..m.end];
        let participle = own
            .rsplit_once('-')
            .is_some_and(|(head, tail)| !head.is_empty() && tail.ends_with("ed"));
        participle
            || rest
                .strip_prefix('-')
                .is_some_and(|r| r.chars().next().is_some_and(char::is_alphabetic))
    }

    /// Where the object after `from` may end: `limit` (the cue's clause),
    /// or, when the subject ran on past that clause ("وقعت تركيا، وقطر
    /// مذكرة تفاهم مع …", issue 17), the end of the clause the subject ends
    /// in.
    fn object_limit(&self, from: usize, limit: usize) -> usize {
        if from <= limit {
            return limit;
        }
        self.clause_of(from.saturating_sub(1)).1.max(from)
    }

    /// Like [`Self::targets_after`], but only when a preposition introduces
    /// an actor in the range.
    fn prep_targets(
        &self,
        from: usize,
        limit: usize,
        preps: &[String],
        exclude: &[String],
    ) -> Vec<String> {
        let text = self.text();
        let limit = self.object_limit(from, limit);
        let has_prep = between(text, from, limit).split_whitespace().any(|w| {
            preps.iter().any(|p| {
                w == p
                    || (w.ends_with(p.as_str())
                        && crate::text::is_proclitic_chain(between(w, 0, w.len() - p.len())))
            })
        });
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

    /// Targets after `from`: with prepositions, the actor each one
    /// introduces (the first, and any repeated after a coordinator: "with X
    /// … or with Y"); failing that, or without prepositions, the first actor.
    /// Coordinated actors join their head.
    fn targets_after(
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
        let candidates: Vec<usize> = (0..self.mentions.len())
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
                    && (self.tokens_between(from, m.token_start) == 0 || !self.is_verb_subject(m))
            })
            .collect();
        let mut idx: Vec<usize> = Vec::new();
        if !preps.is_empty() {
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
                if let Some(&i) = candidates.iter().find(|&&i| {
                    self.mentions[i].token_start > t.start
                        && self.tokens_between(t.end, self.mentions[i].token_start) <= 8
                }) {
                    if !idx.contains(&i) {
                        idx.extend(self.expand_forward(i));
                    }
                    seen_first = true;
                }
            }
            if idx.is_empty() {
                if let Some(&i) = candidates
                    .iter()
                    .find(|&&i| self.introduced_by(i, preps, from))
                {
                    idx = self.expand_forward(i);
                }
            }
        }
        if idx.is_empty() {
            if let Some(&first) = candidates.first() {
                idx = self.expand_forward(first);
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

    /// The nearest actor before `at` that is not one of the sources, with
    /// its coordinated companions.
    fn target_before(&self, at: usize, sources: &[String]) -> Vec<String> {
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

    /// "between X and Y" belongs to the nearest noun before it: a "between"
    /// past another stance cue or an actor ("welcomed the deal, and Algeria
    /// called for a balance between X and Y") names no parties of this cue.
    fn parties_between(&self, from: usize, limit: usize) -> Vec<String> {
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
    fn groups_between(&self, from: usize, limit: usize) -> Option<Vec<String>> {
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
    fn pair_at(&self, at: usize) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        for m in self.ctx.mentions.iter().rev().filter(|m| m.start < at) {
            for id in m.ids.iter().rev() {
                let side = self
                    .ctx
                    .kb
                    .actors
                    .actor(id)
                    .is_some_and(|a| super::mentions::SIDE_KINDS.contains(&a.kind.as_str()));
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

    /// Whether a token in [from, to) is, or starts with, one of `words`
    /// (after any proclitics).
    fn has_word(&self, from: usize, to: usize, words: &[String]) -> bool {
        let text = self.text();
        let tokens = self.tokens_in(from, to);
        tokens.iter().enumerate().any(|(i, t)| {
            let w = &text[t.start..t.end];
            words.iter().any(|req| {
                if req.contains(' ') {
                    // A phrase: match on the text from this token.
                    return between(text, t.start, to).starts_with(req.as_str());
                }
                if w.starts_with(req.as_str()) {
                    return true;
                }
                let _ = i;
                w.char_indices().skip(1).take(3).any(|(k, _)| {
                    crate::text::is_proclitic_chain(between(w, 0, k))
                        && between(w, k, w.len()).starts_with(req.as_str())
                })
            })
        })
    }

    fn run_rules(&self, speaker: Option<&[String]>, out: &mut Vec<Assertion>) {
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
