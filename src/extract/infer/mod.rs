//! Stance inference: cue rules fill their source and target slots from the
//! mentions around them.
//!
//! Per sentence: find cue hits (rules, speech verbs, negators, denials,
//! conditionals, `between`, passive `by`); work out who is speaking; then for
//! each rule hit decide whether it is asserted (not negated into nothing,
//! not denied, not a question) and which actors stand in its slots.
//!
//! The layers, each in its own file, from the words up:
//!
//! - [`view`]: one sentence seen through its tokens, cue hits and mentions,
//!   with the small word and phrase tests every other layer asks.
//! - [`clause`]: clause analysis: clauses and asides (relative clauses,
//!   appositions), coordination, the reach of a negation or denial.
//! - [`speaker`]: reported speech: who is speaking in a sentence and who
//!   carries over to the next.
//! - [`subject`]: who holds a stance: the subject of the cue's clause, a
//!   relative clause's antecedent, an apposition's holder.
//! - [`arguments`]: whom a stance is about: objects after or before the cue,
//!   the parties of "between", origins and beneficiaries.
//! - [`rules`]: one cue rule at a time: is it stated, who holds it (slot by
//!   slot), who is its object, how negation and passives turn the roles.
//! - [`emit`]: from roles to stances: pairs of holder and object become
//!   [`Assertion`]s with their evidence.
//!
//! This file drives them over a document: sentence by sentence, carrying the
//! speaker and the article's topic from one sentence to the next.

mod arguments;
mod clause;
mod emit;
mod rules;
mod speaker;
mod subject;
mod view;

use super::mentions::{How, Mention};
use crate::graph::Assertion;
use crate::lexicon::Knowledge;
use crate::model::Relation;
use crate::text::{NormText, Sentence, Token};
use view::SentenceView;

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
