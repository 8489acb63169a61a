//! Scoring predicted graphs against gold annotations, with exactly the
//! metric of the project's reference scorer (`eval/score.py`): node and edge
//! precision, recall and F1 over required items, acceptable items neither
//! rewarded nor penalised, `negotiates-with` matched in either direction,
//! ids of one `equivalents` group interchangeable, micro-averaged.

use crate::error::{Error, Result};
use crate::graph::GraphJson;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One gold edge.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldEdge {
    /// Holder.
    pub source: String,
    /// Relation name.
    pub relation: String,
    /// Target.
    pub target: String,
    /// Quote from the article.
    #[serde(default)]
    pub evidence: String,
}

/// Required and acceptable items.
#[derive(Debug, Clone, Deserialize)]
pub struct Tiers<T> {
    /// Must be found.
    pub required: Vec<T>,
    /// Neither rewarded nor penalised.
    #[serde(default)]
    pub acceptable: Vec<T>,
}

/// A gold file (see the annotation guideline).
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// Article file name.
    #[serde(default)]
    pub article: String,
    /// Nodes.
    pub nodes: Tiers<String>,
    /// Edges.
    pub edges: Tiers<GoldEdge>,
    /// Interchangeable ids.
    #[serde(default)]
    pub equivalents: Vec<Vec<String>>,
}

/// Scores of one article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleScore {
    /// Gold file stem.
    pub article: String,
    /// No prediction file was found.
    pub missing: bool,
    /// Node true positives.
    pub ntp: usize,
    /// Node false positives.
    pub nfp: usize,
    /// Node false negatives.
    pub nfn: usize,
    /// Edge true positives.
    pub etp: usize,
    /// Edge false positives.
    pub efp: usize,
    /// Edge false negatives.
    pub efn: usize,
    /// Spurious edges.
    pub fp_edges: Vec<(String, String, String)>,
    /// Missed edges.
    pub fn_edges: Vec<(String, String, String)>,
    /// Spurious nodes.
    pub fp_nodes: Vec<String>,
    /// Missed nodes.
    pub fn_nodes: Vec<String>,
}

/// Precision, recall, F1.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
}

/// Scores of a whole split.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Score {
    /// Number of gold articles.
    pub articles: usize,
    /// Node scores.
    pub node: Prf,
    /// Edge scores.
    pub edge: Prf,
    /// Per article.
    pub rows: Vec<ArticleScore>,
}

/// English names a tool may use as labels, mapped to gold ids — the same
/// table as the reference scorer, so foreign ids score the same way.
const ALIASES: &[(&str, &[&str])] = &[
    (
        "lna",
        &[
            "libyan national army",
            "lna",
            "haftar's army",
            "libyan arab armed forces",
            "laaf",
            "haftar forces",
            "libyan army",
        ],
    ),
    (
        "gna",
        &[
            "government of national accord",
            "gna",
            "national accord government",
            "tripoli government",
        ],
    ),
    (
        "gnu",
        &[
            "government of national unity",
            "gnu",
            "national unity government",
        ],
    ),
    (
        "hor",
        &[
            "house of representatives",
            "hor",
            "libyan parliament",
            "tobruk parliament",
        ],
    ),
    (
        "hcs",
        &["high council of state", "hcs", "high state council"],
    ),
    ("turkey", &["turkey", "türkiye", "turkiye", "ankara"]),
    ("russia", &["russia", "russian federation", "moscow"]),
    (
        "unsmil",
        &[
            "unsmil",
            "united nations support mission in libya",
            "un mission in libya",
        ],
    ),
    (
        "un",
        &[
            "united nations",
            "un",
            "un security council",
            "security council",
        ],
    ),
    ("militias", &["militias", "militia"]),
    ("mercenaries", &["mercenaries"]),
    ("isis", &["isis", "islamic state", "daesh", "isil"]),
    ("egypt", &["egypt"]),
    ("uae", &["united arab emirates", "uae", "emirates"]),
    ("qatar", &["qatar"]),
    ("france", &["france"]),
    ("italy", &["italy"]),
    ("germany", &["germany"]),
    ("greece", &["greece"]),
    (
        "united-states",
        &["united states", "usa", "us", "u.s.", "america"],
    ),
    ("eu", &["european union", "eu"]),
    ("arab-league", &["arab league", "league of arab states"]),
    ("african-union", &["african union", "au"]),
    ("wagner", &["wagner", "wagner group"]),
    ("algeria", &["algeria"]),
    ("tunisia", &["tunisia"]),
    ("sudan", &["sudan"]),
    ("chad", &["chad"]),
    ("saudi-arabia", &["saudi arabia"]),
    ("nato", &["nato"]),
    ("united-kingdom", &["united kingdom", "uk", "britain"]),
    ("malta", &["malta"]),
    ("cyprus", &["cyprus"]),
];

fn norm_rel(r: &str) -> String {
    let r: String = r
        .trim()
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '_')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    match r.as_str() {
        "negotiates" | "negotiate-with" => "negotiates-with".into(),
        "support" => "supports".into(),
        "oppose" => "opposes".into(),
        _ => r,
    }
}

const RELATIONS: [&str; 3] = ["supports", "opposes", "negotiates-with"];

type Edge3 = (String, String, String);

fn key(edge: &Edge3, canon: &dyn Fn(&str) -> String) -> Edge3 {
    let (mut s, r, mut t) = (canon(&edge.0), edge.1.clone(), canon(&edge.2));
    if r == "negotiates-with" && s > t {
        std::mem::swap(&mut s, &mut t);
    }
    (s, r, t)
}

fn prf(tp: usize, fp: usize, fn_: usize) -> Prf {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Prf { p, r, f1 }
}

/// Parses a gold file.
pub fn parse_gold(path: &str, text: &str) -> Result<Gold> {
    serde_json::from_str(text).map_err(|e| Error::Data {
        path: path.to_string(),
        line: e.line(),
        what: format!("invalid gold file ({e})"),
        hint: "expected the gold format of the annotation guideline".into(),
    })
}

/// Scores one article; `pred` is None when no prediction exists.
pub fn score_article(stem: &str, gold: &Gold, pred: Option<&GraphJson>) -> ArticleScore {
    let mut rep: HashMap<&str, &str> = HashMap::new();
    for group in &gold.equivalents {
        if let Some(first) = group.first() {
            for x in group {
                rep.insert(x.as_str(), first.as_str());
            }
        }
    }
    let canon = |x: &str| -> String { rep.get(x).copied().unwrap_or(x).to_string() };
    let mut gold_ids: BTreeSet<String> = gold
        .nodes
        .required
        .iter()
        .chain(gold.nodes.acceptable.iter())
        .cloned()
        .collect();
    for e in gold
        .edges
        .required
        .iter()
        .chain(gold.edges.acceptable.iter())
    {
        gold_ids.insert(e.source.clone());
        gold_ids.insert(e.target.clone());
    }
    let name_to_id: HashMap<&str, &str> = ALIASES
        .iter()
        .flat_map(|(id, names)| names.iter().map(move |n| (*n, *id)))
        .collect();
    let (mut pn, mut pe): (BTreeSet<String>, BTreeSet<Edge3>) = (BTreeSet::new(), BTreeSet::new());
    if let Some(g) = pred {
        let mut remap: HashMap<&str, String> = HashMap::new();
        for n in &g.nodes {
            let id = n.id.as_str();
            if gold_ids.contains(id) {
                remap.insert(id, id.to_string());
                continue;
            }
            let found = [id, n.label.as_str()].iter().find_map(|name| {
                name_to_id
                    .get(name.trim().to_lowercase().as_str())
                    .map(|s| s.to_string())
            });
            remap.insert(id, found.unwrap_or_else(|| id.to_string()));
        }
        let map = |x: &str| remap.get(x).cloned().unwrap_or_else(|| x.to_string());
        pn = g.nodes.iter().map(|n| canon(&map(&n.id))).collect();
        for e in &g.edges {
            let edge = (map(&e.source), norm_rel(e.relation.name()), map(&e.target));
            if RELATIONS.contains(&edge.1.as_str()) {
                let k = key(&edge, &canon);
                if k.0 != k.2 {
                    pe.insert(k);
                }
            }
        }
    }
    let req_n: BTreeSet<String> = gold.nodes.required.iter().map(|x| canon(x)).collect();
    let ok_n: BTreeSet<String> = gold.nodes.acceptable.iter().map(|x| canon(x)).collect();
    let edge_set = |v: &[GoldEdge]| -> BTreeSet<Edge3> {
        v.iter()
            .map(|e| {
                key(
                    &(e.source.clone(), e.relation.clone(), e.target.clone()),
                    &canon,
                )
            })
            .collect()
    };
    let req_e = edge_set(&gold.edges.required);
    let ok_e = edge_set(&gold.edges.acceptable);
    let fp_edges: Vec<Edge3> = pe
        .iter()
        .filter(|e| !req_e.contains(*e) && !ok_e.contains(*e))
        .cloned()
        .collect();
    let fn_edges: Vec<Edge3> = req_e.iter().filter(|e| !pe.contains(*e)).cloned().collect();
    let fp_nodes: Vec<String> = pn
        .iter()
        .filter(|n| !req_n.contains(*n) && !ok_n.contains(*n))
        .cloned()
        .collect();
    let fn_nodes: Vec<String> = req_n.iter().filter(|n| !pn.contains(*n)).cloned().collect();
    ArticleScore {
        article: stem.to_string(),
        missing: pred.is_none(),
        ntp: pn.intersection(&req_n).count(),
        nfp: fp_nodes.len(),
        nfn: fn_nodes.len(),
        etp: pe.intersection(&req_e).count(),
        efp: fp_edges.len(),
        efn: fn_edges.len(),
        fp_edges,
        fn_edges,
        fp_nodes,
        fn_nodes,
    }
}

/// Scores every gold article (by stem) against the predictions found.
pub fn score(golds: &BTreeMap<String, Gold>, preds: &BTreeMap<String, GraphJson>) -> Score {
    let rows: Vec<ArticleScore> = golds
        .iter()
        .map(|(stem, gold)| score_article(stem, gold, preds.get(stem)))
        .collect();
    let sum = |f: fn(&ArticleScore) -> usize| rows.iter().map(f).sum::<usize>();
    Score {
        articles: rows.len(),
        node: prf(sum(|r| r.ntp), sum(|r| r.nfp), sum(|r| r.nfn)),
        edge: prf(sum(|r| r.etp), sum(|r| r.efp), sum(|r| r.efn)),
        rows,
    }
}

impl Score {
    /// The report in the reference scorer's layout; `verbose` adds per-article lines.
    pub fn report(&self, verbose: bool) -> String {
        let mut out = String::new();
        if verbose {
            for r in &self.rows {
                out.push_str(&format!(
                    "{}: edges tp={} fp={} fn={}{}\n",
                    r.article,
                    r.etp,
                    r.efp,
                    r.efn,
                    if r.missing { " (no prediction)" } else { "" }
                ));
                for e in &r.fn_edges {
                    out.push_str(&format!("   missed   {} {} {}\n", e.0, e.1, e.2));
                }
                for e in &r.fp_edges {
                    out.push_str(&format!("   spurious {} {} {}\n", e.0, e.1, e.2));
                }
                if !r.fn_nodes.is_empty() || !r.fp_nodes.is_empty() {
                    out.push_str(&format!(
                        "   nodes missed {} spurious {}\n",
                        py_list(&r.fn_nodes),
                        py_list(&r.fp_nodes)
                    ));
                }
            }
        }
        out.push_str(&format!(
            "articles={} node P={:.2} R={:.2} F1={:.2} edge P={:.2} R={:.2} F1={:.2}\n",
            self.articles,
            self.node.p,
            self.node.r,
            self.node.f1,
            self.edge.p,
            self.edge.r,
            self.edge.f1
        ));
        out
    }
}

/// A list of strings the way the reference scorer prints it: `['a', 'b']`.
fn py_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("'{s}'")).collect();
    format!("[{}]", quoted.join(", "))
}
