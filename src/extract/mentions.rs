//! Finding actors in a document and resolving each mention to an actor id.
//!
//! Three passes: raw phrase hits per sentence; combination of demonyms with
//! the agent nouns beside them ("القوات التركية", "Russian President"); then,
//! in document order, resolution of persons (to their organisation on the
//! article's date), context words (the army, the government), capitals (a
//! place after a locative preposition), and back-references (the latter,
//! both sides) against what the text has named so far.

use super::context::{article_context, is_dateline, ArticleContext, Signal};
use super::span::between;
use crate::fasthash::{FastMap, FastSet};
use crate::lexicon::{ActorBase, Context, Form, RefKind, Target};
use crate::text::{is_proclitic_chain, Sentence, Token};
use std::collections::BTreeMap;

/// How a mention names its actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum How {
    /// Name or alias.
    Name,
    /// A person, folded into the organisation (person id kept).
    Person(String),
    /// A context word resolved in this article.
    Context,
    /// Demonym beside an agent noun.
    Demonym,
    /// Plural people noun.
    People,
    /// Capital as metonym.
    Capital,
    /// "Both sides": the two sides established so far.
    Pair,
    /// "The latter", "the former".
    Latter,
    /// "The remarks", "the speech": the article's main speaker (filled in
    /// by inference, which knows who speaks).
    Remarks,
    /// "The outcome", "the vote", "البيانين": the actor the article's
    /// opening event favours (filled in by inference).
    Outcome,
    /// "The plan", "بالمبادرة": the proposer of the last proposal named.
    Proposal,
    /// An object pronoun (له, معها, him, them): the actor named last in
    /// object position.
    Object,
}

/// One resolved mention.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Start (after proclitics) in the normalised text.
    pub start: usize,
    /// End in the normalised text.
    pub end: usize,
    /// Start of the first token (before proclitics).
    pub token_start: usize,
    /// Sentence index.
    pub sentence: usize,
    /// Actor ids (two for a pair).
    pub ids: Vec<String>,
    /// How it names them.
    pub how: How,
}

/// A raw hit before resolution.
#[derive(Debug, Clone)]
struct Raw {
    start: usize,
    end: usize,
    token_start: usize,
    target: Target,
    form: Form,
    /// An organisation no pack lists (`unlisted-…`); `target` is then unused.
    unlisted: Option<String>,
    /// The grammatical gender an Arabic demonym gives its phrase (القوات
    /// التركية feminine, الرئيس التركي masculine), set when combined.
    gender: Option<Gender>,
}

/// Grammatical gender of an Arabic noun phrase, where the words show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Masculine,
    Feminine,
}

/// The id prefix of actors no pack lists; their node kind is `unlisted`.
pub const UNLISTED_PREFIX: &str = "unlisted-";

/// Kinds that count as one of "the two sides".
pub const SIDE_KINDS: &[&str] = &["government", "armed-group", "parliament", "party"];

/// Kinds that never hold or receive a stance.
pub const INERT_KINDS: &[&str] = &["media", "place", "forum"];

fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// The actors the raw hits name by one of their names (not by a demonym, a
/// role noun or a person).
fn named_by_name(kb: &ActorBase, raws: &[Vec<Raw>]) -> FastSet<String> {
    raws.iter()
        .flatten()
        .filter_map(|raw| match raw.target {
            Target::Actor(i) if raw.form == Form::Name => Some(kb.actors[i].id.clone()),
            _ => None,
        })
        .collect()
}

/// When an article is: the date it was given, else the era of the years it
/// names (see `era.rs`), which only decides where nothing in the text does.
#[derive(Debug, Clone, Copy, Default)]
pub struct Dating<'a> {
    /// The publication date (`YYYY-MM-DD`) the input gave.
    pub date: Option<&'a str>,
    /// The last day of the latest year the text names.
    pub era: Option<&'a str>,
}

/// Finds and resolves every actor mention of a document. With `unlisted`,
/// organisation names no pack lists become mentions of `unlisted-…` ids
/// (see [`find_unlisted`]).
pub fn find_mentions(
    kb: &ActorBase,
    original: &str,
    norm: &crate::text::NormText,
    tokens: &[Token],
    sentences: &[Sentence],
    dating: Dating<'_>,
    unlisted: bool,
) -> Vec<Mention> {
    let Dating { date, era } = dating;
    let text = norm.text.as_str();
    // Pass 1: raw hits, sentence by sentence.
    let mut hits_per_sentence: Vec<Vec<Raw>> = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut raws = Vec::new();
        for hit in kb.matcher().find(text, tokens, (s.start, s.end)) {
            let (target, form) = kb.payload(hit.payload);
            if kb.is_case_sensitive(hit.payload) {
                let (os, oe) = norm.orig_span(hit.start, hit.end);
                if original[os..oe].chars().any(|c| c.is_lowercase()) {
                    continue;
                }
            }
            raws.push(Raw {
                start: hit.start,
                end: hit.end,
                token_start: hit.token_start,
                target,
                form,
                unlisted: None,
                gender: None,
            });
        }
        let headed = find_headed_roles(kb, text, tokens, s, &raws);
        raws.retain(|r| !headed.iter().any(|h| r.start < h.end && h.start < r.end));
        raws.extend(headed);
        raws.sort_by_key(|r| r.token_start);
        hits_per_sentence.push(raws);
    }
    // The country the article is about: role nouns name its institutions,
    // and an arena country is a place only in its own articles.
    let named_here = named_by_name(kb, &hits_per_sentence);
    let context = article_context(
        kb,
        hits_per_sentence.iter().flatten().map(|r| Signal {
            dateline: is_dateline(text, r.token_start, r.end),
            locative: is_place_use(kb, text, tokens, r),
            target: r.target,
            form: r.form,
        }),
        date,
        &named_here,
    );
    let arenas: FastSet<usize> = (0..kb.actors.len())
        .filter(|&i| kb.actors[i].arena && context.is_arena_here(&kb.actors[i].id))
        .collect();
    let mut per_sentence: Vec<Vec<Raw>> = Vec::with_capacity(sentences.len());
    for (s, raws) in sentences.iter().zip(hits_per_sentence) {
        let found = if unlisted {
            find_unlisted(kb, &arenas, original, norm, tokens, s, &raws)
        } else {
            Vec::new()
        };
        let raws = combine_possessives(kb, &arenas, text, raws);
        let mut raws = combine_demonyms(kb, &arenas, text, raws);
        if !found.is_empty() {
            raws.extend(found);
            raws.sort_by_key(|r| r.token_start);
        }
        per_sentence.push(raws);
    }

    // Framing and presence over the whole article.
    let (framing_matcher, framing_payloads) = kb.framing();
    let mut framing_counts: BTreeMap<usize, usize> = BTreeMap::new();
    for hit in framing_matcher.find(text, tokens, (0, text.len())) {
        *framing_counts
            .entry(framing_payloads[hit.payload])
            .or_default() += 1;
    }
    // A side's scare words before its enemy's name mark the framing too:
    // «ما يسمى "القيادة العامة"» is written from the GNA's side, «ما يسمى
    // "بركان الغضب"» from the LNA's.
    for raw in per_sentence.iter().flatten() {
        if let (Target::Actor(i), Form::Name) = (raw.target, raw.form) {
            for fi in kb.scorning_framings(text, raw.token_start, &kb.actors[i].id) {
                *framing_counts.entry(fi).or_default() += 1;
            }
        }
    }
    let framing = dominant(&framing_counts).map(|i| kb.framings[i].as_str());
    // Actors the article names itself: they date an undated article for
    // persons who changed sides.
    let named = named_by_name(kb, &per_sentence);
    // With no date and no year, the newest actor the article names dates
    // it: one that names the GNS is from 2022 on.
    let founded = date.is_none() && era.is_none();
    let since_named = named
        .iter()
        .filter(|_| founded)
        .filter_map(|id| kb.actor(id)?.since.as_deref())
        .max()
        .map(str::to_string);
    let era = era.or(since_named.as_deref());
    let mut present: FastSet<String> = FastSet::default();
    let mut counts: FastMap<String, usize> = FastMap::default();
    for raw in per_sentence.iter().flatten() {
        let id = match raw.target {
            Target::Actor(i) if raw.form != Form::Demonym => Some(kb.actors[i].id.clone()),
            Target::Person(i) => kb.persons[i].org_in(date, era, &named).map(str::to_string),
            _ => None,
        };
        if let Some(id) = id {
            *counts.entry(id.clone()).or_default() += 1;
            present.insert(id);
        }
    }

    // Pass 2: resolution in document order.
    let mut recent: Vec<String> = Vec::new();
    let mut recent_sentence: Vec<usize> = Vec::new();
    // The gender each Arabic mention in `recent` shows, for الأخير/الأخيرة.
    let mut recent_gender: Vec<Option<Gender>> = Vec::new();
    // Whether "the latter", "قواتها" may point at each: not at a plan named
    // by its proposer's demonym ("المبادرة المصرية" is a plan, it has no
    // forces).
    let mut recent_referable: Vec<bool> = Vec::new();
    // What each resolved mention looked like, for "تلك الميليشيات", "those
    // militias": a demonstrative points back to the last mention so worded.
    let mut recent_surfaces: Vec<(String, String)> = Vec::new();
    // The last two sides the article's opening (headline and lead, the first
    // two sentences) names together ("السراج وعقيلة صالح يعلنان", "the GNA and
    // the HoR announced"): the pair "both sides" means when the text around
    // names fewer.
    let mut joint: Option<Vec<String>> = None;
    // The proposer of the last proposal named with an owner ("the UN envoy
    // unveiled a plan", "مبادرة المبعوث الأممي"): whom "the plan",
    // "بالمبادرة" stand for. A proposal noun still waiting for the owner
    // in a genitive after it: (sentence, end of the noun).
    let mut proposal: Option<Vec<String>> = None;
    let mut pending: Option<(usize, usize)> = None;
    let mut out: Vec<Mention> = Vec::new();
    // The gender each mention in `out` shows, for object pronouns.
    let mut out_gender: Vec<Option<Gender>> = Vec::new();
    for (si, raws) in per_sentence.into_iter().enumerate() {
        let starts: Vec<usize> = raws.iter().map(|r| r.token_start).collect();
        let ends: Vec<usize> = raws.iter().map(|r| r.end).collect();
        for (ri, raw) in raws.into_iter().enumerate() {
            let resolved: Option<(Vec<String>, How)> = match raw.target {
                _ if raw.unlisted.is_some() => raw.unlisted.clone().map(|id| (vec![id], How::Name)),
                Target::Actor(i) => {
                    let actor = &kb.actors[i];
                    if arenas.contains(&i) || actor.kind == "place" {
                        None
                    } else {
                        match raw.form {
                            Form::Name => {
                                let id =
                                    demonstrative_referent(text, tokens, &raw, &recent_surfaces)
                                        .unwrap_or_else(|| actor.id.clone());
                                Some((vec![id], How::Name))
                            }
                            Form::People => Some((vec![actor.id.clone()], How::People)),
                            Form::Demonym => Some((vec![actor.id.clone()], How::Demonym)),
                            Form::Capital => (!is_place_use(kb, text, tokens, &raw))
                                .then(|| (vec![actor.id.clone()], How::Capital)),
                        }
                    }
                }
                Target::Person(i) => {
                    let p = &kb.persons[i];
                    p.org_in(date, era, &named)
                        .map(|org| (vec![org.to_string()], How::Person(p.id.clone())))
                }
                Target::Context(i) if !kb.contexts[i].all.is_empty() => {
                    Some((kb.contexts[i].all.clone(), How::Context))
                }
                Target::Context(i) => {
                    let here = ContextHere {
                        framing,
                        recent: &recent,
                        present: &present,
                        date: date.or(era),
                    };
                    resolve_context(kb, &kb.contexts[i], &context, &here)
                        .map(|id| (vec![id], How::Context))
                }
                Target::Reference(RefKind::Pair) => {
                    pair(kb, &recent, &recent_sentence, si, &counts, joint.as_deref())
                        .map(|ids| (ids, How::Pair))
                }
                Target::Reference(RefKind::PairOf(k)) => {
                    pair_of(kb, &kb.pair_kinds[k], &recent, &recent_sentence, si)
                        .map(|ids| (ids, How::Pair))
                }
                Target::Reference(RefKind::Latter) => {
                    if is_adjective_use(text, tokens, &raw) {
                        None
                    } else {
                        // الأخير is the last masculine antecedent, الأخيرة
                        // the last feminine one, where the words show it.
                        let (os, oe) = norm.orig_span(raw.start, raw.end);
                        let want = reference_gender(&original[os..oe]);
                        let eligible = |id: &String, referable: bool| {
                            referable
                                && kb.actor(id).map_or(id.starts_with(UNLISTED_PREFIX), |a| {
                                    !INERT_KINDS.contains(&a.kind.as_str())
                                })
                        };
                        // A feminine possessive on a title or institution
                        // ("وزير خارجيتها", "قواتها") first looks for an
                        // antecedent the words show feminine (أنقرة, حكومة
                        // الوفاق) in this sentence or the one before: a person
                        // named in between, whose gender the text does not
                        // show, is seldom whom ها means.
                        let possessive = !text[raw.start..raw.end].contains("اخير");
                        let shown = (possessive && want == Some(Gender::Feminine))
                            .then(|| {
                                (0..recent.len()).rev().find(|&k| {
                                    recent_sentence[k] + 1 >= si
                                        && recent_gender[k] == want
                                        && eligible(&recent[k], recent_referable[k])
                                })
                            })
                            .flatten()
                            .map(|k| (vec![recent[k].clone()], How::Latter));
                        shown.or_else(|| {
                            recent
                                .iter()
                                .zip(recent_gender.iter().zip(&recent_referable))
                                .rev()
                                .find(|(id, (g, referable))| {
                                    agrees(want, **g) && eligible(id, **referable)
                                })
                                .map(|(id, _)| (vec![id.clone()], How::Latter))
                        })
                    }
                }
                Target::Reference(RefKind::Object) => {
                    object_antecedent(kb, text, &raw, &out, &out_gender, si)
                        .map(|ids| (ids, How::Object))
                }
                Target::Reference(RefKind::Remarks) => Some((Vec::new(), How::Remarks)),
                // "congratulated the winners" after "X was named prime
                // minister of the GNU": the body the vote produced.
                Target::Reference(RefKind::Outcome) => Some((
                    chosen_actor(kb, text, &out).unwrap_or_default(),
                    How::Outcome,
                )),
                Target::Reference(RefKind::Chosen) => {
                    chosen_actor(kb, text, &out).map(|ids| (ids, How::Outcome))
                }
                // "the plan of the UN envoy": the actor after names its owner.
                Target::Reference(RefKind::Proposal)
                    if starts
                        .get(ri + 1)
                        .zip(ends.get(ri + 1))
                        .is_some_and(|(&next, &end)| {
                            next >= raw.end
                                && is_owner_gap(
                                    kb,
                                    between(text, raw.end, next),
                                    between(text, end, text.len()),
                                )
                        }) =>
                {
                    pending = Some((si, raw.end));
                    None
                }
                Target::Reference(RefKind::Proposal) => {
                    proposal.clone().map(|ids| (ids, How::Proposal))
                }
                Target::AgentNoun if kb.proposal_nouns.contains(&text[raw.start..raw.end]) => {
                    match proposer(kb, text, &sentences[si], &out, si, &raw) {
                        Some(ids) => proposal = Some(ids),
                        None => pending = Some((si, raw.end)),
                    }
                    None
                }
                // "the former": the first of the last two actors named.
                Target::Reference(RefKind::Former) if !is_adjective_use(text, tokens, &raw) => {
                    let mut seen: Vec<&String> = Vec::new();
                    for (id, referable) in recent.iter().zip(&recent_referable).rev() {
                        let eligible = *referable
                            && kb.actor(id).map_or(id.starts_with(UNLISTED_PREFIX), |a| {
                                !INERT_KINDS.contains(&a.kind.as_str())
                            });
                        if eligible && !seen.contains(&id) {
                            seen.push(id);
                        }
                        if seen.len() == 2 {
                            break;
                        }
                    }
                    (seen.len() == 2).then(|| (vec![seen[1].clone()], How::Latter))
                }
                Target::Reference(RefKind::Former) | Target::AgentNoun | Target::Modifier => None,
            };
            let Some((ids, how)) = resolved else {
                continue;
            };
            if let Some((ps, pend)) = pending.take() {
                if ps == si
                    && how != How::Proposal
                    && pend <= raw.token_start
                    && is_owner_gap(
                        kb,
                        between(text, pend, raw.token_start),
                        between(text, raw.end, text.len()),
                    )
                {
                    proposal = Some(ids.clone());
                }
            }
            // "the Egyptian initiative", "المبادرة المصرية".
            let names_plan = how == How::Demonym
                && text[raw.start..raw.end]
                    .split_whitespace()
                    .any(|w| kb.proposal_nouns.contains(w));
            if names_plan {
                proposal = Some(ids.clone());
            }
            let gender = match how {
                How::Latter => {
                    let (os, oe) = norm.orig_span(raw.start, raw.end);
                    reference_gender(&original[os..oe])
                }
                How::Object => pronoun_gender(&text[raw.start..raw.end]),
                _ => mention_gender(kb, text, &raw, &how),
            };
            // An Arabic object pronoun's mention is the pronoun itself; the
            // preposition or verb it hangs on stands where proclitics do.
            let start = if how == How::Object && is_arabic(&text[raw.start..raw.end]) {
                raw.end - pronoun_len(&text[raw.start..raw.end])
            } else {
                raw.start
            };
            if how != How::Pair && how != How::Remarks && how != How::Proposal {
                if let Some(prev) = out.last().filter(|_| si < OPENING_SENTENCES) {
                    if let Some(two) = joined_sides(kb, text, prev, si, &ids, raw.start) {
                        joint = Some(two);
                    }
                }
                recent.extend(ids.iter().cloned());
                recent_sentence.extend(ids.iter().map(|_| si));
                recent_gender.extend(ids.iter().map(|_| gender));
                recent_referable.extend(ids.iter().map(|_| !names_plan));
                for id in &ids {
                    recent_surfaces.push((id.clone(), text[raw.start..raw.end].to_string()));
                }
            }
            // "وزير الداخلية بحكومة الوفاق", "مسؤول السياسة الخارجية في
            // الاتحاد الأوروبي": a title, its portfolio and the organisation
            // that holds it are one mention, so the ب or في is no object's.
            let prev_end = out
                .last()
                .map_or(sentences[si].start, |m| m.end.max(sentences[si].start));
            let (start, token_start) = match how {
                How::Name | How::Person(_) | How::Context => title_before(kb, text, &raw, prev_end)
                    .map_or((start, raw.token_start), |t| (t, t)),
                _ => (start, raw.token_start),
            };
            let raw = Raw {
                start,
                token_start,
                ..raw
            };
            // A person right beside their own organisation ("Russian President
            // Vladimir Putin") is one mention.
            if let Some(prev) = out.last_mut() {
                let prev: &mut Mention = prev;
                if prev.sentence == si && prev.ids == ids {
                    // Two patterns can find the same words (a back-reference
                    // and a name, say): they are one mention.
                    if prev.end >= raw.end {
                        continue;
                    }
                    if prev.end <= raw.token_start
                        && is_same_actor_gap(kb, between(text, prev.end, raw.token_start))
                    {
                        prev.end = raw.end;
                        continue;
                    }
                }
            }
            out_gender.push(gender);
            out.push(Mention {
                start,
                end: raw.end,
                token_start: raw.token_start,
                sentence: si,
                ids,
                how,
            });
        }
    }
    out
}

/// The gender an Arabic word's ending shows: `feminine` first, then
/// `masculine`; a non-Arabic word shows none.
/// What a context word's reading may look at in the article so far.
struct ContextHere<'a> {
    framing: Option<&'a str>,
    recent: &'a [String],
    present: &'a FastSet<String>,
    date: Option<&'a str>,
}

/// The actor a context word names here. A role noun ("the army", الحكومة)
/// is read by the entry for the article's country, else names that
/// country's state where the noun says so, else its own default; an entry
/// for one country applies only in that country's articles, except through
/// aliases that name the country themselves ("the Libyan army").
fn resolve_context(
    kb: &ActorBase,
    c: &Context,
    article: &ArticleContext,
    here: &ContextHere<'_>,
) -> Option<String> {
    if c.role.is_some() && c.country.is_none() {
        let role = c.role.as_deref().unwrap_or_default();
        let Some(country) = article.main() else {
            return c.default.clone();
        };
        if let Some(local) = kb.role_in(role, country) {
            return read_context(kb, local, here);
        }
        if c.state && kb.actor(country).is_some_and(|a| a.kind == "state") {
            return Some(country.to_string());
        }
        return c.default.clone();
    }
    if c.role.is_none() {
        if let Some(country) = &c.country {
            if !article.is_about(country) {
                return None;
            }
        }
    }
    read_context(kb, c, here)
}

/// An entry's own reading: by the article's framing, the actor of its
/// kinds named last, an actor present, the article's date, or its default.
fn read_context(kb: &ActorBase, c: &Context, here: &ContextHere<'_>) -> Option<String> {
    let by_framing = here.framing.and_then(|f| c.framing.get(f)).cloned();
    let by_recent = || {
        here.recent
            .iter()
            .rev()
            .find(|id| {
                c.recent.contains(id)
                    || kb
                        .actor(id)
                        .is_some_and(|a| c.recent_kinds.contains(&a.kind))
            })
            .cloned()
    };
    let by_present = || {
        c.present
            .iter()
            .find(|(p, _)| here.present.contains(*p))
            .map(|(_, id)| id.clone())
    };
    let by_date = || c.on_date(here.date).map(str::to_string);
    by_framing
        .or_else(by_recent)
        .or_else(by_present)
        .or_else(by_date)
        .or_else(|| c.default.clone())
}

fn ending_gender(word: &str, feminine: &str, masculine: &str) -> Option<Gender> {
    if !is_arabic(word) {
        None
    } else if word.ends_with(feminine) {
        Some(Gender::Feminine)
    } else if word.ends_with(masculine) {
        Some(Gender::Masculine)
    } else {
        None
    }
}

/// An Arabic nisba adjective shows the gender of the noun it qualifies:
/// التركية (normalised التركيه) feminine, التركي masculine; a plural says
/// nothing here.
fn adjective_gender(word: &str) -> Option<Gender> {
    ending_gender(word, "يه", "ي")
}

/// The gender of a resolved Arabic mention, where its words show it: a
/// demonym's own ending (الرئاسة المصرية, الرئيس الأمريكي); a head noun in
/// ة or the plural ات (حكومة الوفاق, قوات حفتر) feminine; a city, and a
/// state named without the article (مصر, تركيا), feminine; another
/// definite or construct head with no feminine word after it (الجيش الوطني
/// الليبي, مجلس النواب) masculine. Persons, people nouns, states with the
/// article (العراق, الجزائر) and phrases like الأمم المتحدة stay unknown.
fn mention_gender(kb: &ActorBase, text: &str, raw: &Raw, how: &How) -> Option<Gender> {
    let phrase = &text[raw.start..raw.end];
    if !is_arabic(phrase) {
        return None;
    }
    match how {
        How::Demonym => raw.gender,
        How::Capital => Some(Gender::Feminine),
        How::Name | How::Context => {
            let words: Vec<&str> = phrase.split_whitespace().collect();
            let head = words.first()?;
            if head.ends_with('ه') || head.ends_with("ات") {
                return Some(Gender::Feminine);
            }
            if matches!(raw.target, Target::Actor(i) if kb.actors[i].kind == "state") {
                return (!head.starts_with("ال")).then_some(Gender::Feminine);
            }
            if words.iter().any(|w| w.ends_with('ه') || w.ends_with("ات")) {
                return None;
            }
            Some(Gender::Masculine)
        }
        _ => None,
    }
}

/// The gender an Arabic back-reference asks of its antecedent, read in the
/// original text where ة and ه differ: الأخيرة, بلادها, قواتها feminine;
/// الأخير, بلاده, قواته masculine. English says nothing.
fn reference_gender(original: &str) -> Option<Gender> {
    if !is_arabic(original) {
        return None;
    }
    let last: String = original
        .split_whitespace()
        .last()?
        .chars()
        .filter(|c| ('\u{0621}'..='\u{064A}').contains(c))
        .collect();
    if last.ends_with('ة') || last.ends_with("ها") {
        Some(Gender::Feminine)
    } else {
        Some(Gender::Masculine)
    }
}

/// Whether an antecedent of gender `have` fits a reference asking `want`;
/// unknown on either side fits.
fn agrees(want: Option<Gender>, have: Option<Gender>) -> bool {
    match (want, have) {
        (Some(w), Some(h)) => w == h,
        _ => true,
    }
}

/// The Arabic pronoun suffix of an object pronoun word: هم, ها or ه.
fn pronoun_len(word: &str) -> usize {
    ["هم", "ها", "ه"]
        .iter()
        .find(|p| word.ends_with(*p))
        .map_or(0, |p| p.len())
}

/// The gender an Arabic object pronoun asks for: ها feminine, ه masculine.
fn pronoun_gender(word: &str) -> Option<Gender> {
    if word.ends_with("هم") {
        None
    } else {
        ending_gender(word, "ها", "ه")
    }
}

/// Whom an object pronoun stands for: "التقى الوزير بالسراج وأكد له" (له is
/// Sarraj), "Lavrov met Haftar and assured him" (him is Haftar). Only where
/// simple rules leave no doubt, since most pronouns point at things (the
/// deal, the city), not actors: the antecedent is the mention right before
/// the pronoun in its sentence; it stands in object position (after
/// another actor or behind a preposition, never right after a clause-opening
/// و/ف verb, where it is the subject the pronoun cannot point at); a new
/// clause (و, ف, "and", a comma) starts between them and no other noun
/// that could be meant (a definite word, "the", "a") stands there; it
/// agrees: ه a masculine or unknown single actor, ها a feminine or unknown
/// one, هم and "them" a people noun or both sides, "him" a person.
fn object_antecedent(
    kb: &ActorBase,
    text: &str,
    raw: &Raw,
    out: &[Mention],
    genders: &[Option<Gender>],
    si: usize,
) -> Option<Vec<String>> {
    let word = &text[raw.start..raw.end];
    let proclitics = &text[raw.token_start..raw.start];
    // "الله" is no ال + له.
    if proclitics.contains("ال") {
        return None;
    }
    let arabic = is_arabic(word);
    let plural = if arabic {
        word.ends_with("هم")
    } else {
        word == "them"
    };
    let k = out
        .iter()
        .rposition(|m| m.sentence == si && m.end <= raw.token_start)?;
    let c = &out[k];
    if c.ids.is_empty()
        || c.ids.iter().any(|id| {
            kb.actor(id)
                .is_some_and(|a| INERT_KINDS.contains(&a.kind.as_str()))
        })
    {
        return None;
    }
    let agrees_in_number = match (&c.how, plural) {
        (How::Pair | How::People, true) => true,
        (How::Pair | How::People, false) => false,
        (_, true) => false,
        (How::Person(_), false) => true,
        (_, false) => arabic && c.ids.len() == 1,
    };
    if !agrees_in_number || !agrees(pronoun_gender(word), genders[k]) {
        return None;
    }
    // Object position.
    let c_clitics = &text[c.token_start..c.start];
    let behind_preposition = arabic && c_clitics.contains(['ب', 'ل']);
    let after_actor = k > 0 && out[k - 1].sentence == si;
    if !(behind_preposition || after_actor) {
        return None;
    }
    let before = between(text, 0, c.token_start).split_whitespace().last();
    if !behind_preposition
        && before.is_some_and(|w| w.starts_with(['و', 'ف']) && w.chars().count() > 3)
    {
        return None;
    }
    // A new clause between, and nothing else the pronoun could mean.
    // The clause opens right after the antecedent (a verb behind و or
    // "and"), with at most a word more before the pronoun: a longer stretch
    // may hold an indefinite noun it means (وهي اتهامات لم تعلق عليها).
    let between: Vec<&str> = between(text, c.end, raw.token_start)
        .split(|ch: char| ch.is_whitespace() || matches!(ch, ',' | '،'))
        .filter(|w| !w.is_empty())
        .collect();
    let opens = between
        .first()
        .is_some_and(|w| *w == "and" || (w.starts_with(['و', 'ف']) && w.chars().count() > 3));
    let other_noun = between.iter().any(|w| {
        let bare = w.trim_start_matches(['و', 'ف', 'ب', 'ل']);
        bare.starts_with("ال")
            || kb.relative_words.contains(*w)
            || matches!(*w, "the" | "a" | "an" | "its" | "their" | "it" | "they")
    });
    (opens && between.len() <= 3 && !other_noun).then(|| c.ids.clone())
}

/// What may stand between two mentions of one actor that make one mention:
/// nothing, a possessive ("Khalifa Haftar's Libyan National Army"), or an
/// English title ending in an agent noun, after a possessive or not ("GNA
/// interior minister Fathi Bashagha", "the EU's foreign policy chief Josep
/// Borrell").
fn is_same_actor_gap(kb: &ActorBase, gap: &str) -> bool {
    let gap = gap.trim();
    if matches!(gap, "" | "'s" | "’s") {
        return true;
    }
    let rest = gap
        .strip_prefix("'s")
        .or_else(|| gap.strip_prefix("’s"))
        .unwrap_or(gap);
    let words: Vec<&str> = rest.split_whitespace().collect();
    let plain = words
        .iter()
        .all(|w| w.chars().all(|c| c.is_ascii_alphabetic() || c == '-'));
    let n = words.len();
    plain
        && (1..=4).contains(&n)
        && (kb.is_agent_noun(words[n - 1])
            || (n >= 2 && kb.is_agent_noun(&words[n - 2..].join(" "))))
}

/// Where a title naming this organisation as its holder begins: a title
/// noun, one to three words of portfolio, then the organisation after ب, ل
/// or a separate في ("وزير الداخلية بحكومة الوفاق", "رئيس المجلس الرئاسي
/// لحكومة الوفاق", "مسؤول السياسة الخارجية في الاتحاد الأوروبي"). A title
/// right before the organisation ("رحب الوزير بحكومة الوفاق") is a subject
/// and its ب-object, so a portfolio word is required; nothing is taken from
/// before `floor` (the end of the previous mention).
fn title_before(kb: &ActorBase, text: &str, raw: &Raw, floor: usize) -> Option<usize> {
    let clitic = &text[raw.token_start..raw.start];
    let mut before = between(text, floor, raw.token_start).trim_end();
    match clitic {
        "ب" | "ل" | "لل" | "وب" => {}
        "" => before = before.strip_suffix("في")?.trim_end(),
        _ => return None,
    }
    // Only the last four words can matter: taking them from the end keeps
    // this constant per mention however long the text before it is.
    let mut words: Vec<(usize, &str)> = before
        .split_whitespace()
        .rev()
        .take(4)
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    words.reverse();
    // The title word is the first of the last two to four words; the words
    // after it are the portfolio.
    (2..=4).find_map(|n| {
        let tail = words.get(words.len().checked_sub(n)?..)?;
        let (at, title) = tail[0];
        // A portfolio is definite nouns in a construct (الداخلية, السياسة
        // الخارجية); "أعرب وزير الخارجية عن دعمه لحكومة الوفاق" has a verb's
        // complement there, not a portfolio.
        let portfolio_ok = tail[1..].iter().all(|(_, w)| {
            w.starts_with("ال") && w.chars().all(|c| c.is_alphabetic()) && !kb.is_title(w)
        });
        (kb.is_title(title) && portfolio_ok).then_some(at)
    })
}

/// What may stand between a proposal noun and the actor that owns it:
/// nothing ("مبادرة المبعوث الأممي") or "of", "by" ("a plan by the UN envoy").
fn is_genitive_gap(gap: &str) -> bool {
    gap.split_whitespace()
        .all(|w| matches!(w, "of" | "by" | "from" | "the"))
}

/// What may stand between a proposal noun and the actor after it that
/// makes the actor its owner: a genitive, or a clause with an announcing
/// verb opened by a relative pronoun or closed by "by": "المبادرة التي
/// أعلنها المبعوث الأممي", "the plan put forward by Egypt", "the initiative
/// that Egypt announced" (the verb then follows the actor, in `after`).
fn is_owner_gap(kb: &ActorBase, gap: &str, after: &str) -> bool {
    if is_genitive_gap(gap) {
        return true;
    }
    let mut words: Vec<&str> = gap.split_whitespace().collect();
    let relative = words
        .first()
        .is_some_and(|w| kb.relative_words.contains(*w));
    if relative {
        words.remove(0);
    }
    let by = words.last() == Some(&"by");
    if by {
        words.pop();
    }
    let verb = |words: &[&str]| match words.len() {
        1 | 2 => is_announce_verb(kb, &words.join(" ")),
        _ => false,
    };
    if words.is_empty() {
        let next: Vec<&str> = after
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(2)
            .collect();
        return relative && !by && (verb(&next[..next.len().min(1)]) || verb(&next));
    }
    // An Arabic indefinite noun takes its clause without a relative pronoun,
    // the verb's pronoun pointing back to it ("مقترحاً قدمته تركيا").
    let resumptive =
        words.len() == 1 && is_arabic(words[0]) && crate::text::strip_enclitic(words[0]).is_some();
    (relative || by || resumptive) && verb(&words)
}

/// An announcing verb, with Arabic clitics around it ("وأعلن", "طرحها",
/// "قدمته").
/// The actor the article names as what a vote or forum produced: the
/// last one named shortly after a `chosen` phrase in the same clause
/// ("was named prime minister-designate of a Government of National
/// Unity" → the GNU).
fn chosen_actor(kb: &ActorBase, text: &str, out: &[Mention]) -> Option<Vec<String>> {
    out.iter()
        .rev()
        .filter(|m| !m.ids.is_empty() && m.how != How::Outcome)
        .find(|m| {
            let before = between(text, 0, m.token_start);
            let lo = before
                .char_indices()
                .rev()
                .find(|(_, c)| ['.', ',', ';', '\n', '،', ':'].contains(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let clause = lowercase(between(before, lo, before.len()));
            // Most clauses hold no chosen word at all: rule them out before
            // building the padded copy (this runs over every mention so far
            // for each reference to an outcome).
            if !kb.chosen_words.iter().any(|w| {
                let w = w.trim();
                w.is_empty() || clause.contains(w)
            }) {
                return false;
            }
            let clause = format!(" {clause} ");
            // The phrase ends a word and starts one (or a hyphenated
            // part: "minister-designate of"); "named by X" names no winner.
            kb.chosen_words.iter().any(|w| {
                clause.match_indices(&format!("{w} ")).any(|(i, _)| {
                    let rest = between(&clause, i + w.len(), clause.len());
                    between(&clause, 0, i).ends_with([' ', '-'])
                        && rest.split_whitespace().count() <= 5
                        && !rest.split_whitespace().any(|t| t == "by")
                })
            })
        })
        .map(|m| m.ids.clone())
}

/// `s.to_lowercase()`, without a copy when it would change nothing: text
/// that is ASCII without capitals or Arabic has no case.
fn lowercase(s: &str) -> std::borrow::Cow<'_, str> {
    let caseless = |c: char| {
        (c.is_ascii() && !c.is_ascii_uppercase()) || ('\u{0600}'..='\u{06FF}').contains(&c)
    };
    if s.chars().all(caseless) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

fn is_announce_verb(kb: &ActorBase, w: &str) -> bool {
    let bare = w.strip_prefix(['و', 'ف']).unwrap_or(w);
    [w, bare].iter().any(|w| {
        kb.announce_verbs.contains(*w)
            || crate::text::strip_enclitic(w)
                .is_some_and(|n| kb.announce_verbs.contains(between(w, 0, n)))
    })
}

/// Who made the proposal a noun names, when the text says so before it:
/// a possessive ("the UN envoy's initiative"), or the actor nearest before
/// it in a sentence with an announcing verb before the noun ("The UN envoy
/// unveiled a plan", "أعلن المبعوث الأممي مبادرة").
fn proposer(
    kb: &ActorBase,
    text: &str,
    sentence: &Sentence,
    out: &[Mention],
    si: usize,
    raw: &Raw,
) -> Option<Vec<String>> {
    let before = out
        .iter()
        .rev()
        .find(|m| m.sentence == si && m.end <= raw.token_start && !m.ids.is_empty())?;
    let gap = between(text, before.end, raw.token_start).trim_start();
    if let Some(rest) = gap.strip_prefix("'s").or_else(|| gap.strip_prefix("’s")) {
        if rest.split_whitespace().count() <= 2 && !rest.contains([',', '.']) {
            return Some(before.ids.clone());
        }
    }
    let words: Vec<&str> = between(text, sentence.start, raw.token_start)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let is_verb = |w: &str| is_announce_verb(kb, w);
    // One word ("unveiled", "وأعلن") or two ("put forward").
    let announced =
        words.iter().any(|w| is_verb(w)) || words.windows(2).any(|p| is_verb(&p.join(" ")));
    if !announced || before.how == How::Proposal {
        return None;
    }
    // "Erdoğan and his Russian counterpart Putin urged a cease-fire": the
    // actor joined to it by "and" (with a few words of title between) made
    // it too.
    const JOIN_WORDS: usize = 4;
    let mut ids = before.ids.clone();
    let joined = out
        .iter()
        .rev()
        .find(|m| m.sentence == si && m.end <= before.token_start && !m.ids.is_empty());
    if let Some(first) = joined {
        let words: Vec<&str> = between(text, first.end, before.token_start)
            .split_whitespace()
            .collect();
        let clitic_and =
            words.is_empty() && text[before.token_start..before.start].starts_with('و');
        let and = clitic_and
            || words.first().is_some_and(|w| {
                *w == "and" || *w == "و" || (w.starts_with('و') && words.len() > 1)
            });
        if and && words.len() <= JOIN_WORDS && !words.iter().any(|w| w.contains([',', '،'])) {
            ids.extend(
                first
                    .ids
                    .iter()
                    .filter(|id| !before.ids.contains(id))
                    .cloned(),
            );
        }
    }
    Some(ids)
}

/// How many sentences make an article's opening (headline and lead).
const OPENING_SENTENCES: usize = 2;

/// Two sides coordinated in one sentence: the previous mention and this
/// one, each a single actor of a side kind, joined by "and" or و with at most
/// a role noun between ("السراج ورئيس مجلس النواب").
fn joined_sides(
    kb: &ActorBase,
    text: &str,
    prev: &Mention,
    sentence: usize,
    ids: &[String],
    start: usize,
) -> Option<Vec<String>> {
    let side = |id: &str| {
        kb.actor(id)
            .is_some_and(|a| SIDE_KINDS.contains(&a.kind.as_str()))
    };
    if prev.sentence != sentence || prev.ids.len() != 1 || ids.len() != 1 || prev.ids == ids {
        return None;
    }
    if !side(&prev.ids[0]) || !side(&ids[0]) || start < prev.end {
        return None;
    }
    let words: Vec<&str> = between(text, prev.end, start).split_whitespace().collect();
    let joined = words.len() <= 3
        && words
            .first()
            .is_some_and(|w| *w == "and" || w.starts_with('و'));
    let mut two = vec![prev.ids[0].clone(), ids[0].clone()];
    two.sort();
    joined.then_some(two)
}

fn dominant(counts: &BTreeMap<usize, usize>) -> Option<usize> {
    let best = counts.values().copied().max()?;
    let winners: Vec<usize> = counts
        .iter()
        .filter(|(_, &c)| c == best)
        .map(|(&k, _)| k)
        .collect();
    (winners.len() == 1).then(|| winners[0])
}

/// "The two sides": the two most recently named distinct actors of the side
/// kinds; failing that, the two most mentioned in the article.
fn pair(
    kb: &ActorBase,
    recent: &[String],
    recent_sentence: &[usize],
    sentence: usize,
    counts: &FastMap<String, usize>,
    joint: Option<&[String]>,
) -> Option<Vec<String>> {
    let is_side = |id: &str| {
        kb.actor(id)
            .is_some_and(|a| SIDE_KINDS.contains(&a.kind.as_str()))
    };
    // The sides named in this sentence and the one before; when more than
    // two, the two the article is most about ("both sides" after a list
    // that also names a parliament's speaker is still the LNA and the GNA).
    let mut window: Vec<(usize, &String)> = Vec::new();
    for (k, id) in recent.iter().enumerate().rev() {
        if recent_sentence.get(k).is_some_and(|&s| s + 1 >= sentence)
            && is_side(id)
            && !window.iter().any(|(_, w)| *w == id)
        {
            window.push((k, id));
        }
    }
    if window.len() >= 2 {
        window.sort_by(|a, b| {
            let ca = counts.get(a.1).copied().unwrap_or(0);
            let cb = counts.get(b.1).copied().unwrap_or(0);
            cb.cmp(&ca).then(b.0.cmp(&a.0))
        });
        let mut two = vec![window[0].1.clone(), window[1].1.clone()];
        two.sort();
        return Some(two);
    }
    if let Some(two) = joint {
        return Some(two.to_vec());
    }
    let mut found: Vec<String> = Vec::new();
    for id in recent.iter().rev() {
        if is_side(id) && !found.contains(id) {
            found.push(id.clone());
            if found.len() == 2 {
                found.sort();
                return Some(found);
            }
        }
    }
    let mut ranked: Vec<(&String, &usize)> = counts.iter().filter(|(id, _)| is_side(id)).collect();
    ranked.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (id, _) in ranked {
        if !found.contains(id) {
            found.push(id.clone());
        }
        if found.len() == 2 {
            found.sort();
            return Some(found);
        }
    }
    None
}

/// "The two countries": the two most recently named distinct actors of
/// `kinds` in this sentence or the two before; nothing when fewer, since
/// unlike the conflict's sides no article-wide pair stands behind them.
fn pair_of(
    kb: &ActorBase,
    kinds: &[String],
    recent: &[String],
    recent_sentence: &[usize],
    sentence: usize,
) -> Option<Vec<String>> {
    let mut found: Vec<String> = Vec::new();
    for (k, id) in recent.iter().enumerate().rev() {
        if recent_sentence.get(k).is_some_and(|&s| s + 2 < sentence) {
            break;
        }
        let of_kind = kb.actor(id).is_some_and(|a| kinds.contains(&a.kind));
        if of_kind && !found.contains(id) {
            found.push(id.clone());
            if found.len() == 2 {
                found.sort();
                return Some(found);
            }
        }
    }
    None
}

/// Demonstratives that point back to an earlier mention by its wording.
const DEMONSTRATIVES: &[&str] = &["تلك", "هذه", "هاته", "هؤلاء", "those", "these"];

/// "تلك الميليشيات", "those militias": the actor of the last mention whose
/// wording contains the same noun ("ميليشيات حفتر" → lna), if another actor.
fn demonstrative_referent(
    text: &str,
    tokens: &[Token],
    raw: &Raw,
    recent: &[(String, String)],
) -> Option<String> {
    let before = previous_word(text, tokens, raw.token_start)?;
    if !DEMONSTRATIVES.contains(&before) {
        return None;
    }
    let phrase = &text[raw.start..raw.end];
    let noun = phrase.strip_prefix("ال").unwrap_or(phrase);
    let noun = noun.strip_prefix("the ").unwrap_or(noun);
    recent
        .iter()
        .rev()
        .find(|(_, surface)| surface.contains(noun) && surface.as_str() != phrase)
        .map(|(id, _)| id.clone())
}

/// English words after "the former" that show it stands alone (a verb),
/// besides punctuation and past forms in -ed.
const AFTER_FORMER: &[&str] = &[
    "said", "says", "has", "had", "is", "was", "will", "would", "did", "does", "also", "then",
    "later", "could", "can", "may", "must", "should", "told", "wants", "sought", "made", "took",
    "gave", "'s", "’s",
];

/// Arabic الأخير after a definite noun is an adjective ("الجولة الأخيرة"),
/// not a reference; after a verb, particle or indefinite noun it refers.
/// English "the former" before a noun is one ("the former envoy"): it
/// refers only before punctuation or a verb ("the former said", "the former
/// rejected").
fn is_adjective_use(text: &str, tokens: &[Token], raw: &Raw) -> bool {
    let word = &text[raw.start..raw.end];
    if word.ends_with("former") {
        let next = tokens
            .iter()
            .find(|t| t.start >= raw.end)
            .map(|t| &text[t.start..t.end]);
        return next.is_some_and(|w| {
            w.chars().next().is_some_and(char::is_alphabetic)
                && !w.ends_with("ed")
                && !AFTER_FORMER.contains(&w)
        });
    }
    if !is_arabic(word) {
        return false;
    }
    previous_word(text, tokens, raw.token_start).is_some_and(|prev| {
        let bare = prev
            .trim_start_matches('و')
            .trim_start_matches('ف')
            .trim_start_matches('ب');
        bare.starts_with("ال") || bare.starts_with("لل")
    })
}

fn previous_word<'t>(text: &'t str, tokens: &[Token], at: usize) -> Option<&'t str> {
    let i = tokens.partition_point(|t| t.start < at);
    i.checked_sub(1)
        .map(|j| &text[tokens[j].start..tokens[j].end])
}

/// "the Saudi-backed government", "the powerful new government": a context
/// alias that opens with "the" read with modifiers after the article. The
/// mention is the noun alone, so that the compound before it keeps its cue
/// ("Saudi-backed": Saudi Arabia backs it).
fn find_headed_roles(
    kb: &ActorBase,
    text: &str,
    tokens: &[Token],
    s: &Sentence,
    raws: &[Raw],
) -> Vec<Raw> {
    const MAX_MODIFIERS: usize = 3;
    const MAX_HEAD_WORDS: usize = 3;
    let lo = tokens.partition_point(|t| t.start < s.start);
    let hi = tokens.partition_point(|t| t.start < s.end);
    let toks = &tokens[lo..hi];
    let word = |k: usize| toks.get(k).map_or("", |t| &text[t.start..t.end]);
    let mut out = Vec::new();
    for i in 0..toks.len() {
        if word(i) != "the" {
            continue;
        }
        let mut j = i + 1;
        for _ in 0..MAX_MODIFIERS {
            if word(j + 1) == "-" && kb.is_headed_modifier(word(j + 2), true) {
                j += 3;
            } else if kb.is_headed_modifier(word(j), false) {
                j += 1;
            } else {
                break;
            }
        }
        if j == i + 1 {
            continue;
        }
        for n in (1..=MAX_HEAD_WORDS).rev() {
            let Some(last) = toks.get(j + n - 1) else {
                continue;
            };
            let head = toks[j..j + n]
                .iter()
                .map(|t| &text[t.start..t.end])
                .collect::<Vec<_>>()
                .join(" ");
            let Some(payload) = kb.headed_role(&head) else {
                continue;
            };
            let (start, end) = (toks[j].start, last.end);
            // An agent noun ("government") gives way; a name does not.
            let named = |r: &&Raw| !matches!(r.target, Target::AgentNoun | Target::Modifier);
            if raws
                .iter()
                .filter(named)
                .any(|r| r.start < end && start < r.end)
            {
                break;
            }
            let (target, form) = kb.payload(payload);
            out.push(Raw {
                start,
                end,
                token_start: start,
                target,
                form,
                unlisted: None,
                gender: None,
            });
            break;
        }
    }
    out
}

/// A capital is a place when a locative word precedes it ("in Ankara",
/// "من القاهرة") but for one that aims fire ("missiles at Kyiv"), when it
/// carries the proclitic ب, or in a dateline.
fn is_place_use(kb: &ActorBase, text: &str, tokens: &[Token], raw: &Raw) -> bool {
    let proclitics = &text[raw.token_start..raw.start];
    if proclitics.contains('ب') {
        return true;
    }
    let i = tokens.partition_point(|t| t.start < raw.token_start);
    let word = |k: usize| {
        i.checked_sub(k)
            .map(|j| &text[tokens[j].start..tokens[j].end])
    };
    // "missiles at Kyiv", "fired at Kyiv": the capital is what is aimed at.
    if word(1).is_some_and(|w| kb.is_locative(w)) && !word(2).is_some_and(|w| kb.is_aimed(w)) {
        return true;
    }
    let after = between(text, raw.end, text.len()).trim_start();
    after.starts_with('(') || after.starts_with("-based") || after.starts_with("- ")
}

/// An institution noun owned by a foreign state or organisation belongs to
/// it: "Turkey's parliament" is Turkey, and so is "the parliament of
/// Turkey", never the parliament the article's context would make of the
/// bare noun (the HoR). Only a noun that would otherwise name another actor
/// (a context word, an alias that is also an agent noun) is taken; an owner
/// of the arena (Libya's parliament) leaves it alone. The Arabic forms
/// need nothing: a construct noun before a state (برلمان تركيا) is no hit,
/// and a demonym after one (البرلمان التركي) is [`combine_demonyms`]' job.
fn combine_possessives(
    kb: &ActorBase,
    arenas: &FastSet<usize>,
    text: &str,
    raws: Vec<Raw>,
) -> Vec<Raw> {
    let owner = |r: &Raw| {
        r.unlisted.is_none()
            && r.form == Form::Name
            && matches!(r.target, Target::Actor(i)
                if !arenas.contains(&i) && kb.actors[i].kind != "place")
    };
    let owned = |r: &Raw| {
        r.form == Form::Name
            && matches!(r.target, Target::Context(_) | Target::Actor(_))
            && {
                let p = &text[r.start..r.end];
                kb.is_agent_noun(p.strip_prefix("the ").unwrap_or(p))
            }
            && !owner(r)
    };
    let mut consumed = vec![false; raws.len()];
    let mut ends: Vec<Option<usize>> = vec![None; raws.len()];
    for i in 0..raws.len().saturating_sub(1) {
        let (a, b) = (&raws[i], &raws[i + 1]);
        if b.token_start < a.end || is_arabic(&text[a.start..a.end]) {
            continue;
        }
        let gap = between(text, a.end, b.token_start).trim();
        // "Turkey's parliament": the owner before, its noun right after.
        if owner(a) && owned(b) && matches!(gap, "'s" | "’s") {
            consumed[i + 1] = true;
            ends[i] = Some(b.end);
        }
        // "the parliament of Turkey".
        if owned(a) && owner(b) && matches!(gap, "of" | "of the") {
            consumed[i] = true;
        }
    }
    raws.into_iter()
        .enumerate()
        .filter(|(k, _)| !consumed[*k])
        .map(|(k, mut r)| {
            if let Some(end) = ends[k] {
                r.end = end;
            }
            r
        })
        .collect()
}

/// Turns demonym hits that stand beside an agent noun into actor hits and
/// drops the rest. Arabic puts the adjective after the noun (القوات
/// التركية), English before it (Turkish forces); modifiers and other
/// demonyms may stand between (Russian and Turkish foreign ministers).
fn combine_demonyms(
    kb: &ActorBase,
    arenas: &FastSet<usize>,
    text: &str,
    raws: Vec<Raw>,
) -> Vec<Raw> {
    let adjacent = |a: &Raw, b: &Raw| between(text, a.end, b.token_start).trim().is_empty();
    // The لل form of an article noun (للحكومة) is looked up as ال (الحكومة).
    let phrase = |r: &Raw| -> String {
        let p = &text[r.start..r.end];
        match p.strip_prefix("لل") {
            Some(rest) => format!("ال{rest}"),
            None => p.to_string(),
        }
    };
    let is_agent = |r: &Raw| {
        matches!(r.target, Target::AgentNoun)
            || (matches!(
                r.target,
                Target::Context(_) | Target::Actor(_) | Target::Reference(RefKind::Proposal)
            ) && r.form == Form::Name
                && kb.is_agent_noun(&phrase(r)))
    };
    let is_arena = |r: &Raw| matches!(r.target, Target::Actor(i) if arenas.contains(&i));
    let is_bridge = |r: &Raw| {
        matches!(r.target, Target::Modifier)
            || r.form == Form::Demonym
            || is_agent(r)
            || kb.is_modifier(&phrase(r))
    };
    // English: the agent noun a demonym modifies, walking forward over
    // adjacent modifiers and demonyms.
    let walk_to_agent = |i: usize| -> Option<usize> {
        let mut j = i;
        for _ in 0..7 {
            if j + 1 >= raws.len() || !adjacent(&raws[j], &raws[j + 1]) || !is_bridge(&raws[j + 1])
            {
                return None;
            }
            j += 1;
            if is_agent(&raws[j]) {
                return Some(j);
            }
        }
        None
    };
    // The agent noun of the next conjunct ("and US officials", "and
    // Russian air forces"): a demonym or a name right after "and"/"or".
    // "and" may be a raw hit of its own (a modifier word, as in "foreign
    // and defence ministers"): the conjunct is then the hit after it.
    let coordinated_to_agent = |i: usize| -> Option<usize> {
        let mut k = i + 1;
        let mut gap = between(text, raws[i].end, raws.get(k)?.token_start).trim();
        if gap.is_empty() && matches!(&text[raws[k].start..raws[k].end], "and" | "or") {
            gap = &text[raws[k].start..raws[k].end];
            k += 1;
            if !adjacent(&raws[k - 1], raws.get(k)?) {
                return None;
            }
        }
        let next = raws.get(k)?;
        let conjunct = matches!(gap, "and" | "or")
            && (next.form == Form::Demonym || matches!(next.target, Target::Actor(_)));
        if !conjunct {
            return None;
        }
        if next.form == Form::Demonym {
            walk_to_agent(k)
        } else {
            raws.get(k + 1)
                .filter(|a| adjacent(next, a) && is_agent(a))
                .map(|_| k + 1)
        }
    };
    let mut out: Vec<Raw> = Vec::with_capacity(raws.len());
    let mut consumed = vec![false; raws.len()];
    let mut span: Vec<Option<(usize, usize, usize)>> = vec![None; raws.len()];
    let mut gender: Vec<Option<Gender>> = vec![None; raws.len()];
    // Agent nouns that with the arena's demonym name its government.
    let mut governs: Vec<Option<(Target, Form)>> = vec![None; raws.len()];
    for i in 0..raws.len() {
        let r = &raws[i];
        if r.form != Form::Demonym {
            continue;
        }
        let arabic = is_arabic(&phrase(r));
        // "مجلس النواب الليبي": a demonym of the arena leaves the noun alone,
        // but "the Sudanese foreign ministry", "وزارة الخارجية الليبية" are
        // the arena's government, whoever that is there.
        if is_arena(r) {
            consumed[i] = true;
            let agent = if arabic {
                i.checked_sub(1)
                    .filter(|&j| adjacent(&raws[j], r) && is_agent(&raws[j]))
            } else {
                walk_to_agent(i)
            };
            let government = kb.headed_role("government").map(|p| kb.payload(p));
            if let (Some(j), Some(role)) = (agent, government) {
                if kb.is_arena_government_noun(&phrase(&raws[j])) {
                    let (lo, hi) = (i.min(j), i.max(j));
                    governs[j] = Some(role);
                    span[j] = Some((raws[lo].token_start, raws[lo].start, raws[hi].end));
                }
            }
            continue;
        }
        let mut agent_at = None;
        if arabic {
            let mut j = i;
            for _ in 0..4 {
                if j == 0 || !adjacent(&raws[j - 1], &raws[j]) || !is_bridge(&raws[j - 1]) {
                    break;
                }
                j -= 1;
                // The nearest agent noun owns the demonym: in "مجلس النواب
                // القوات المسلحة المصرية" the parliament stays itself.
                if is_agent(&raws[j]) {
                    agent_at = Some(j);
                    break;
                }
            }
        } else {
            agent_at = walk_to_agent(i);
            // "Saudi and US officials", "Syrian and Russian air forces": a
            // demonym coordinated with the next one shares its agent noun,
            // and is a mention of its own.
            if agent_at.is_none() && coordinated_to_agent(i).is_some() {
                consumed[i] = false;
                continue;
            }
        }
        if let Some(j) = agent_at {
            // The agent noun was read as a context word (الجيش): it now
            // belongs to this state.
            for k in i.min(j)..=i.max(j) {
                if k != i && raws[k].form != Form::Demonym {
                    consumed[k] = true;
                }
            }
            consumed[i] = false;
            gender[i] = adjective_gender(&phrase(r));
            // The mention spans the whole phrase ("القوات التركية", "Turkish
            // foreign minister") unless another demonym stands inside it.
            let (lo, hi) = (i.min(j), i.max(j));
            if (lo..=hi).all(|k| k == i || raws[k].form != Form::Demonym) {
                span[i] = Some((raws[lo].token_start, raws[lo].start, raws[hi].end));
            }
        } else {
            consumed[i] = true;
        }
    }
    for (k, mut r) in raws.into_iter().enumerate() {
        if let Some((target, form)) = governs[k] {
            (r.target, r.form) = (target, form);
        }
        // A proposal noun stays: its owner is what "the plan" means later.
        let proposal = matches!(r.target, Target::AgentNoun)
            && kb.proposal_nouns.contains(&text[r.start..r.end]);
        if consumed[k] || (matches!(r.target, Target::AgentNoun | Target::Modifier) && !proposal) {
            continue;
        }
        if let Some((token_start, start, end)) = span[k] {
            (r.token_start, r.start, r.end) = (token_start, start, end);
        }
        r.gender = r.gender.or(gender[k]);
        out.push(r);
    }
    out
}

/// An Arabic participle or adjective that qualifies a name past its first
/// word (المتمركزة، المنتشرين): it ends the name.
fn is_qualifier_ar(kb: &ActorBase, word: &str) -> bool {
    let (starts, ends) = &kb.unlisted_qualifier_ar;
    starts.iter().any(|s| word.starts_with(s.as_str()))
        && ends.iter().any(|e| word.ends_with(e.as_str()))
        && word.chars().count() > 5
}

/// Organisation names no pack lists, in one sentence.
///
/// Arabic: a head noun in its construct form (حركة، كتيبة، قوات … with only
/// proclitics before it, never ال) followed by up to three definite words or
/// numbers (حركة العدل والمساواة، قوات الدعم السريع، اللواء 444 is not one:
/// its head is definite). English: up to five capitalised words before a
/// capitalised head noun (Justice and Equality Movement, the Nawasi
/// Brigade), or before a lower-case "forces" when the name does not open
/// the sentence (Zintan forces).
///
/// Conservative on purpose: no candidate when a pack entry covers the head
/// or the first name word (قوات حفتر, Haftar forces), when the Arabic name
/// starts with a generic word (قوات الأمن), when an English name is made of
/// generic words only (National Army) or runs into a known actor on its left
/// (Syrian National Army, whose "Syrian" is a demonym). Places inside names
/// are fine (Tripoli Revolutionaries Brigade).
///
/// The id is `unlisted-` plus the words of the name and head as normalised
/// for matching, joined by '-': lower-case ASCII for English
/// (`unlisted-rapid-support-forces`), Arabic letters with hamza and ta
/// marbuta folded for Arabic (`unlisted-قوات-الدعم-السريع`), so spelling
/// variants of one name get one id.
fn find_unlisted(
    kb: &ActorBase,
    arenas: &FastSet<usize>,
    original: &str,
    norm: &crate::text::NormText,
    tokens: &[Token],
    s: &Sentence,
    raws: &[Raw],
) -> Vec<Raw> {
    let text = norm.text.as_str();
    let lo = tokens.partition_point(|t| t.start < s.start);
    let hi = tokens.partition_point(|t| t.start < s.end);
    let sent = &tokens[lo..hi];
    let word = |t: &Token| &text[t.start..t.end];
    let is_place = |r: &Raw| {
        r.form == Form::Capital
            || matches!(r.target, Target::Actor(i) if arenas.contains(&i) || kb.actors[i].kind == "place")
    };
    // The hit overlapping a token, if any.
    let hit = |t: &Token| {
        raws.iter()
            .find(|r| r.token_start < t.end && t.start < r.end)
    };
    let names_actor = |r: &Raw| {
        matches!(
            r.target,
            Target::Actor(_) | Target::Person(_) | Target::Context(_) | Target::Reference(_)
        )
    };
    let capitalised = |t: &Token| {
        let (os, _) = norm.orig_span(t.start, t.end);
        between(original, os, original.len())
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let slug = |words: &[&str]| {
        let mut parts: Vec<String> = Vec::new();
        for w in words {
            let w: String = w
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase();
            if !w.is_empty() {
                parts.push(w);
            }
        }
        format!("{UNLISTED_PREFIX}{}", parts.join("-"))
    };
    let mut out: Vec<Raw> = Vec::new();
    let mut taken_until = 0;
    for (k, head) in sent.iter().enumerate() {
        if head.start < taken_until || head.kind != crate::text::TokenKind::Word {
            continue;
        }
        let w = word(head);
        if is_arabic(w) {
            let Some(h) = kb.unlisted_heads_ar.iter().find(|h| {
                w.strip_suffix(h.as_str()).is_some_and(|pre| {
                    is_proclitic_chain(pre) && !pre.ends_with("ال") && pre != "لل"
                })
            }) else {
                continue;
            };
            if hit(head).is_some_and(&names_actor) {
                continue;
            }
            let mut name: Vec<&Token> = Vec::new();
            for t in &sent[k + 1..] {
                let tw = word(t);
                let definite = tw.starts_with("ال") || (!name.is_empty() && tw.starts_with("وال"));
                let number = t.kind == crate::text::TokenKind::Number;
                if name.len() == 3
                    || !(definite || number)
                    || kb.unlisted_stop_ar.contains(tw)
                    || !name.is_empty() && is_qualifier_ar(kb, tw)
                {
                    break;
                }
                // Past the first word, any known word ends the name: in VSO
                // order the object follows (رفضت قوات الدعم السريع المبادرة).
                let stop = |r: &Raw| (names_actor(r) || !name.is_empty()) && !is_place(r);
                if hit(t).is_some_and(stop) {
                    break;
                }
                name.push(t);
            }
            let Some(first) = name.first() else {
                continue;
            };
            if kb.unlisted_generic.contains(word(first))
                || hit(first).is_some_and(is_place) && name.len() == 1
            {
                continue;
            }
            let start = head.end - h.len();
            let end = name.last().map_or(head.end, |t| t.end);
            let words: Vec<&str> = std::iter::once(between(text, start, head.end))
                .chain(name.iter().map(|t| word(t)))
                .collect();
            out.push(Raw {
                start,
                end,
                token_start: head.start,
                target: Target::Modifier,
                form: Form::Name,
                unlisted: Some(slug(&words)),
                gender: None,
            });
            taken_until = end;
        } else {
            let is_head = kb.unlisted_heads_en.iter().any(|h| h == w) && capitalised(head);
            let is_forces = w == "forces" && !capitalised(head);
            if !(is_head || is_forces) || hit(head).is_some_and(&names_actor) {
                continue;
            }
            // Walk left over capitalised words and inner connectors.
            let mut from = k;
            let mut blocked = false;
            while from > 0 && k - from < 6 {
                let t = &sent[from - 1];
                let tw = word(t);
                if t.kind == crate::text::TokenKind::Punct
                    || capitalised(t) && kb.unlisted_stop_en.contains(tw)
                {
                    break;
                }
                let connector = matches!(tw, "and" | "of" | "for") && !capitalised(t);
                if !(capitalised(t) || connector) {
                    break;
                }
                if hit(t).is_some_and(|r| names_actor(r) && !is_place(r)) {
                    blocked = true;
                    break;
                }
                from -= 1;
            }
            // No connector at the left edge ("of Misrata Brigade").
            while from < k && matches!(word(&sent[from]), "and" | "of" | "for") {
                from += 1;
            }
            let name = &sent[from..k];
            if blocked
                || name.is_empty()
                || name.iter().all(|t| {
                    let tw = word(t);
                    kb.unlisted_generic.contains(tw) || matches!(tw, "and" | "of" | "for")
                })
                || (is_forces && from == 0)
            {
                continue;
            }
            let words: Vec<&str> = name.iter().chain(std::iter::once(head)).map(word).collect();
            out.push(Raw {
                start: name[0].start,
                end: head.end,
                token_start: name[0].start,
                target: Target::Modifier,
                form: Form::Name,
                unlisted: Some(slug(&words)),
                gender: None,
            });
            taken_until = head.end;
        }
    }
    out
}
