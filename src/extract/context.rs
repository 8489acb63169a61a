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
/// ("الخرطوم - ", "TRIPOLI (Reuters) -"), at the very start of the text.
const DATELINE: usize = 4;
const DATELINE_BYTES: usize = 60;

/// The countries an article is about, most named first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleContext {
    /// Country (state) ids, by score, then id. The first is the one role
    /// nouns resolve in; all of them are arenas where a pack says so.
    pub countries: Vec<String>,
}

impl ArticleContext {
    /// The country role nouns resolve in.
    pub fn main(&self) -> Option<&str> {
        self.countries.first().map(String::as_str)
    }

    /// Whether the article is about `country`.
    pub fn is_about(&self, country: &str) -> bool {
        self.countries.iter().any(|c| c == country)
    }
}

/// One raw phrase hit, as context needs it.
pub struct Signal {
    /// Byte offset in the normalised text.
    pub start: usize,
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
    let mut score: FastMap<String, usize> = FastMap::default();
    for hit in hits {
        let Some((country, points, place)) = country_of(kb, &hit, date, named) else {
            continue;
        };
        let dateline = place && hit.start < DATELINE_BYTES;
        *score.entry(country).or_default() += points + if dateline { DATELINE } else { 0 };
    }
    let best = score.values().copied().max().unwrap_or(0);
    let floor = (best / 2).max(1);
    let mut countries: Vec<(String, usize)> = score.into_iter().filter(|(_, s)| *s >= floor).collect();
    countries.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ArticleContext {
        countries: countries.into_iter().map(|(c, _)| c).collect(),
    }
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
                return Some((a.id.clone(), STATE, true));
            }
            let country = a.country.clone()?;
            if a.kind == "place" || hit.form == Form::Capital {
                Some((country, PLACE, true))
            } else {
                Some((country, OWN_ACTOR, false))
            }
        }
        Target::Person(i) => {
            let org = kb.actor(kb.persons[i].org_in(date, named)?)?;
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

    fn signal(kb: &ActorBase, id: &str, start: usize, form: Form) -> Signal {
        let i = kb.actors.iter().position(|a| a.id == id).unwrap();
        Signal {
            start,
            target: Target::Actor(i),
            form,
        }
    }

    #[test]
    fn a_conflict_actor_outweighs_states_named_in_passing() {
        let kb = Knowledge::embedded().unwrap();
        let kb = &kb.actors;
        let hits = vec![
            signal(kb, "lna", 300, Form::Name),
            signal(kb, "turkey", 400, Form::Name),
            signal(kb, "turkey", 500, Form::Name),
        ];
        let ctx = article_context(kb, hits.into_iter(), None, &FastSet::default());
        assert_eq!(ctx.main(), Some("libya"));
    }

    #[test]
    fn a_dateline_alone_decides() {
        let kb = Knowledge::embedded().unwrap();
        let kb = &kb.actors;
        let ctx = article_context(
            kb,
            vec![signal(kb, "sudan", 0, Form::Capital)].into_iter(),
            None,
            &FastSet::default(),
        );
        assert_eq!(ctx.countries, vec!["sudan".to_string()]);
        let none = article_context(kb, Vec::new().into_iter(), None, &FastSet::default());
        assert_eq!(none.main(), None);
    }
}
