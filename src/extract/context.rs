//! Which country an article is about, from the actors, places, demonyms
//! and persons it names.
//!
//! Role nouns ("the army", الحكومة, "the UN envoy") name the institutions
//! of that country, so a Sudan article's الجيش is the Sudanese army and not
//! Haftar's. An arena country (Libya in a Libya article) is a place there;
//! elsewhere its name is the state.

use crate::fasthash::{FastMap, FastSet};
use crate::lexicon::{ActorBase, Form, Target};

/// Points a mention gives its country. A conflict's own actors and places
/// say most; a state named in passing says least (a Libya article names
/// Turkey often, a Sudan article the UAE).
const OWN_ACTOR: usize = 3;
const PLACE: usize = 2;
const PERSON: usize = 2;
const STATE: usize = 1;
/// Extra points for a place or state named where a dateline stands
/// ("الخرطوم - ", "TRIPOLI (Reuters) -"): first in the text, before a dash,
/// a bracket or a comma.
const DATELINE: usize = 4;
/// Points of setting (or, from state names alone, one more) that make a
/// country the one role nouns read in.
const SETTING: usize = 2;

/// The countries an article is about, most named first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleContext {
    /// Country (state) ids, by score, then id: all of them are arenas
    /// where a pack says so.
    pub countries: Vec<String>,
    /// The best-scored country the article is set in (its places, its
    /// dateline, its conflict's actors, or its name three times): the one
    /// role nouns read in. None when the text shows no setting.
    pub setting: Option<String>,
}

impl ArticleContext {
    /// The country role nouns resolve in.
    pub fn main(&self) -> Option<&str> {
        self.setting.as_deref()
    }

    /// Whether the article is about `country`.
    pub fn is_about(&self, country: &str) -> bool {
        self.countries.iter().any(|c| c == country)
    }

    /// Whether an arena country is a place here: in the article set in it,
    /// and where no setting shows (its name alone, as always); an actor
    /// only in an article set elsewhere (Libya in a Sudan article).
    pub fn is_arena_here(&self, country: &str) -> bool {
        self.setting.as_deref().is_none_or(|s| s == country)
    }
}

/// One raw phrase hit, as context needs it.
pub struct Signal {
    /// Whether the phrase opens the text as a dateline does (see
    /// [`is_dateline`]).
    pub dateline: bool,
    /// Whether the phrase is used as a place ("في ليبيا", "in Sudan").
    pub locative: bool,
    /// What the phrase names.
    pub target: Target,
    /// How.
    pub form: Form,
}

/// Scores every country the hits point at and keeps those within half of
/// the best (at least one point): a Libya article that names Sudan's
/// border stays a Libya article, one about both names both.
pub fn article_context(
    kb: &ActorBase,
    hits: impl Iterator<Item = Signal>,
    date: Option<&str>,
    named: &FastSet<String>,
) -> ArticleContext {
    // Points per country, and the part of them that shows the article is
    // set there (places, datelines, the conflict's own actors) rather than
    // that it names the state: "the parliament cut ties with Turkey" is no
    // Turkish article.
    let mut score: FastMap<String, (usize, usize)> = FastMap::default();
    for hit in hits {
        let Some((country, points, place)) = country_of(kb, &hit, date, named) else {
            continue;
        };
        let dateline = place && hit.dateline;
        let points = points + if dateline { DATELINE } else { 0 };
        let entry = score.entry(country).or_default();
        entry.0 += points;
        if points > STATE {
            entry.1 += points;
        }
    }
    let best = score.values().map(|s| s.0).max().unwrap_or(0);
    let floor = (best / 2).max(1);
    let mut countries: Vec<(String, (usize, usize))> =
        score.into_iter().filter(|(_, s)| s.0 >= floor).collect();
    countries.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(&b.0)));
    let setting = countries
        .iter()
        .find(|(_, (all, about))| *about >= SETTING || *all > SETTING)
        .map(|(c, _)| c.clone());
    ArticleContext {
        countries: countries.into_iter().map(|(c, _)| c).collect(),
        setting,
    }
}

/// Whether a phrase at `start..end` of `text` stands where a dateline does:
/// nothing but spaces and marks before it, and a dash, bracket or comma
/// right after it (the dateline's own punctuation).
pub fn is_dateline(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("").trim_start();
    before.chars().all(|c| !c.is_alphanumeric())
        && after.starts_with(['-', '–', '—', '(', ',', '،', ':'])
}

/// (country, points, whether the phrase is a place or state that may
/// stand in a dateline).
fn country_of(
    kb: &ActorBase,
    hit: &Signal,
    date: Option<&str>,
    named: &FastSet<String>,
) -> Option<(String, usize, bool)> {
    match hit.target {
        Target::Actor(i) => {
            let a = &kb.actors[i];
            if a.kind == "state" {
                // A conflict's own country ("في ليبيا", "Libya's
                // parliament") sets the scene, and so does a capital used as
                // a place ("in Addis Ababa"); other states, and capitals
                // standing for them ("Cairo accused"), are named in passing.
                // Its capital is a place too ("in Addis Ababa", "الخرطوم -").
                let place = a.arena || hit.form == Form::Capital && hit.locative;
                let points = if place { PLACE } else { STATE };
                return Some((a.id.clone(), points, true));
            }
            let country = a.country.clone()?;
            if a.kind == "place" || hit.form == Form::Capital {
                Some((country, PLACE, true))
            } else {
                Some((country, OWN_ACTOR, false))
            }
        }
        Target::Person(i) => {
            let org = kb.actor(kb.persons[i].org_in(date, None, named)?)?;
            if org.kind == "state" {
                Some((org.id.clone(), STATE, false))
            } else {
                Some((org.country.clone()?, PERSON, false))
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Knowledge;

    fn signal(kb: &ActorBase, id: &str, dateline: bool, form: Form) -> Signal {
        let i = kb.actors.iter().position(|a| a.id == id).unwrap();
        Signal {
            dateline,
            locative: false,
            target: Target::Actor(i),
            form,
        }
    }

    #[test]
    fn a_conflict_actor_outweighs_states_named_in_passing() {
        let kb = Knowledge::embedded().unwrap();
        let kb = &kb.actors;
        let hits = vec![
            signal(kb, "lna", false, Form::Name),
            signal(kb, "turkey", false, Form::Name),
            signal(kb, "turkey", false, Form::Name),
        ];
        let ctx = article_context(kb, hits.into_iter(), None, &FastSet::default());
        assert_eq!(ctx.main(), Some("libya"));
    }

    #[test]
    fn a_state_named_once_is_no_setting() {
        let kb = Knowledge::embedded().unwrap();
        let kb = &kb.actors;
        let once = vec![signal(kb, "turkey", false, Form::Name)];
        let ctx = article_context(kb, once.into_iter(), None, &FastSet::default());
        assert_eq!(ctx.countries, vec!["turkey".to_string()]);
        assert_eq!(ctx.main(), None);
    }

    #[test]
    fn a_dateline_alone_decides() {
        let kb = Knowledge::embedded().unwrap();
        let kb = &kb.actors;
        let ctx = article_context(
            kb,
            vec![signal(kb, "sudan", true, Form::Capital)].into_iter(),
            None,
            &FastSet::default(),
        );
        assert_eq!(ctx.countries, vec!["sudan".to_string()]);
        assert_eq!(ctx.main(), Some("sudan"));
        let none = article_context(kb, Vec::new().into_iter(), None, &FastSet::default());
        assert_eq!(none.main(), None);
    }

    #[test]
    fn a_dateline_opens_the_text_before_its_punctuation() {
        assert!(is_dateline("الخرطوم - قال الجيش", 0, "الخرطوم".len()));
        assert!(is_dateline("KHARTOUM (wire) - The army", 0, 8));
        assert!(!is_dateline("رفض البرلمان مقترحا قدمته تركيا.", 40, 50));
        assert!(!is_dateline("Turkey said", 0, 6));
    }
}
