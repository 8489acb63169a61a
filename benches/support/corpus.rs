//! A deterministic generator of news-like articles for benchmarks.
//!
//! Shared by `examples/gen_corpus.rs` and the criterion benches (through
//! `#[path]`), so a benchmark and a command-line corpus are the same text.
//!
//! Articles are recombined from sentence templates written for this file
//! (stance cues, negations, denials, speech verbs, back-references such as
//! الأخير / "the latter" and الطرفين / "both sides") and from paragraphs of
//! the project's own `samples/*.txt`, with actor and person names drawn from
//! the embedded packs, so every stage of the pipeline does real work.
//! The generator is a splitmix64 stream: same seed, same bytes.

#![allow(dead_code)]

use stancegraph::lexicon::{parse_pack, ACTOR_PACKS};

/// splitmix64: tiny, fast, good enough to pick templates and names.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0); the modulo bias is irrelevant here.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// Which language(s) to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenLang {
    Ar,
    En,
    Mixed,
}

impl GenLang {
    pub fn parse(s: &str) -> Option<GenLang> {
        match s {
            "ar" => Some(GenLang::Ar),
            "en" => Some(GenLang::En),
            "mixed" => Some(GenLang::Mixed),
            _ => None,
        }
    }
}

/// One generated article.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    pub lang: &'static str,
    pub date: String,
    pub text: String,
}

/// Names per language, drawn from the embedded packs.
struct Names {
    /// Actors that take stances (states, governments, armed groups, IGOs…).
    actors: Vec<String>,
    /// Persons with an affiliation.
    persons: Vec<String>,
    /// Actors of the Libya and IGO packs, drawn more often so that edges
    /// repeat across articles as they do in a real feed.
    core: Vec<String>,
}

const STANCE_KINDS: &[&str] = &[
    "state",
    "government",
    "armed-group",
    "igo",
    "mission",
    "parliament",
    "party",
    "militia",
];

fn names(lang: &str) -> Names {
    let mut n = Names {
        actors: Vec::new(),
        persons: Vec::new(),
        core: Vec::new(),
    };
    for (file, text) in ACTOR_PACKS {
        let pack = parse_pack(file, text).expect("embedded packs parse");
        let core = file.ends_with("libya.toml") || file.ends_with("igo.toml");
        for a in pack.actor {
            let name = if lang == "ar" { a.ar } else { a.en };
            if name.is_empty() || a.arena || !STANCE_KINDS.contains(&a.kind.as_str()) {
                continue;
            }
            if core {
                n.core.push(name.clone());
            }
            n.actors.push(name);
        }
        for p in pack.person {
            let name = if lang == "ar" { p.ar } else { p.en };
            if !name.is_empty() && !p.affiliation.is_empty() {
                n.persons.push(name);
            }
        }
    }
    n
}

// Templates: {A} {B} {C} actors, {P} a person, {D} a day. Written for this
// generator; each exercises a cue family, a negation, a denial, speech or a
// back-reference.
const AR_TEMPLATES: &[&str] = &[
    "رحبت {A} {D} بالقرار الذي أعلنته {B} بشأن استئناف الحوار السياسي.",
    "وأدانت {A} في بيان رسمي الهجمات التي شنتها {B} على الأحياء السكنية جنوب العاصمة.",
    "واتهم {P} {B} بعرقلة جهود التسوية وتأجيج الصراع في البلاد.",
    "لم ترحب {A} بالخطوة التي اتخذتها {B}، معتبرة أنها أحادية الجانب.",
    "والتقى {P} في العاصمة وفدا من {B} لبحث سبل التهدئة وتبادل الأسرى.",
    "وقال {P} إن بلاده تدعم {B} وترفض أي تدخل خارجي في الشأن الداخلي.",
    "ودعا الأخير {B} إلى الانسحاب من المواقع التي سيطر عليها مؤخرا.",
    "وطالب الطرفان بوقف فوري لإطلاق النار واستئناف المفاوضات برعاية {A}.",
    "ونفت {A} أن تكون قد أرسلت أسلحة أو مقاتلين إلى {B} خلال الأشهر الماضية.",
    "وأشادت {A} بجهود {B} في حماية المدنيين وتأمين الممرات الإنسانية.",
    "وحذرت {A} {B} من مغبة التصعيد العسكري حول المدن الساحلية.",
    "كما استقبل {P} {D} وفدا من {B} ضم عددا من كبار المسؤولين.",
    "وأكدت {A} دعمها الكامل لجهود {B} الرامية إلى توحيد المؤسسات.",
    "ورفضت {A} الاتهامات التي وجهتها إليها {B}، ووصفتها بأنها لا أساس لها.",
    "ووقعت {A} و{B} {D} مذكرة تفاهم للتعاون الأمني والاقتصادي.",
    "وانتقد {P} الدور الذي تلعبه {B} في الأزمة، مطالبا بخروج المرتزقة.",
    "وأعلنت {A} أنها لن تعترف بأي حكومة لا تحظى بموافقة {B}.",
    "وجرت محادثات بين {A} و{B} في جنيف بحضور ممثلين عن {C}.",
];

const AR_FILLER: &[&str] = &[
    "وتشهد المنطقة منذ أسابيع توترا متصاعدا وسط مخاوف من انزلاق الأوضاع نحو مواجهة شاملة.",
    "وأضاف أن الحل العسكري لن يكون ممكنا وأن الحوار هو السبيل الوحيد للخروج من الأزمة.",
    "ويأتي ذلك في وقت تتواصل فيه الاستعدادات لعقد جولة جديدة من المحادثات الشهر المقبل.",
    "وتراجع إنتاج النفط إلى أدنى مستوياته منذ سنوات بسبب إغلاق الحقول والموانئ.",
    "وأفادت مصادر محلية بأن الهدوء الحذر يسود خطوط التماس منذ مساء أمس.",
];

const EN_TEMPLATES: &[&str] = &[
    "{A} on {D} welcomed the decision announced by {B} to resume political talks.",
    "{A} condemned in a statement the attacks launched by {B} on residential districts south of the capital.",
    "{P} accused {B} of obstructing the settlement and fuelling the conflict.",
    "{A} did not welcome the step taken by {B}, calling it unilateral.",
    "{P} met a delegation from {B} in the capital to discuss de-escalation and a prisoner exchange.",
    "{P} said his country supports {B} and rejects any foreign interference in domestic affairs.",
    "The latter urged {B} to withdraw from the positions it had recently seized.",
    "Both sides called for an immediate ceasefire and a return to negotiations sponsored by {A}.",
    "{A} denied that it had sent weapons or fighters to {B} in recent months.",
    "{A} praised the efforts of {B} to protect civilians and secure humanitarian corridors.",
    "{A} warned {B} against a military escalation around the coastal cities.",
    "{P} received a delegation from {B} on {D} that included several senior officials.",
    "{A} reaffirmed its full support for the efforts of {B} to unify the institutions.",
    "{A} rejected the accusations levelled by {B}, calling them baseless.",
    "{A} and {B} signed a memorandum of understanding on security and economic cooperation on {D}.",
    "{P} criticised the role played by {B} in the crisis and demanded the departure of mercenaries.",
    "{A} said it would not recognise any government that lacks the approval of {B}.",
    "Talks between {A} and {B} were held in Geneva in the presence of representatives of {C}.",
];

const EN_FILLER: &[&str] = &[
    "Tensions have risen in the region for weeks amid fears of a slide into all-out confrontation.",
    "He added that a military solution was not possible and that dialogue was the only way out of the crisis.",
    "Preparations continue for a new round of talks due next month.",
    "Oil output has fallen to its lowest level in years after fields and ports were shut.",
    "Local sources said a cautious calm had held along the front lines since last night.",
];

const AR_DAYS: &[&str] = &[
    "الأحد",
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
];
const EN_DAYS: &[&str] = &[
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

const SAMPLES: &[(&str, &str)] = &[
    ("ar", include_str!("../../samples/ar-wire.txt")),
    ("ar", include_str!("../../samples/ar-pro-gna.txt")),
    ("ar", include_str!("../../samples/ar-pro-lna.txt")),
    ("en", include_str!("../../samples/en-wire.txt")),
];

struct LangKit {
    names: Names,
    templates: &'static [&'static str],
    filler: &'static [&'static str],
    days: &'static [&'static str],
    /// Body paragraphs of the project's samples in this language.
    paragraphs: Vec<&'static str>,
}

fn kit(lang: &'static str) -> LangKit {
    let (templates, filler, days) = if lang == "ar" {
        (AR_TEMPLATES, AR_FILLER, AR_DAYS)
    } else {
        (EN_TEMPLATES, EN_FILLER, EN_DAYS)
    };
    let paragraphs = SAMPLES
        .iter()
        .filter(|(l, _)| *l == lang)
        .flat_map(|(_, text)| text.split("\n\n").skip(1))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    LangKit {
        names: names(lang),
        templates,
        filler,
        days,
        paragraphs,
    }
}

/// Generates articles one by one; `Iterator` so a 1 GB corpus streams.
pub struct Generator {
    rng: Rng,
    lang: GenLang,
    ar: LangKit,
    en: LangKit,
    next: usize,
}

impl Generator {
    pub fn new(lang: GenLang, seed: u64) -> Generator {
        Generator {
            rng: Rng::new(seed),
            lang,
            ar: kit("ar"),
            en: kit("en"),
            next: 0,
        }
    }

    /// The next article.
    pub fn article(&mut self) -> Article {
        let lang: &'static str = match self.lang {
            GenLang::Ar => "ar",
            GenLang::En => "en",
            GenLang::Mixed => {
                if self.rng.chance(50) {
                    "ar"
                } else {
                    "en"
                }
            }
        };
        self.next += 1;
        let id = format!("{lang}-{:07}", self.next);
        let date = format!(
            "20{:02}-{:02}-{:02}",
            15 + self.rng.below(10),
            1 + self.rng.below(12),
            1 + self.rng.below(28)
        );
        let rng = &mut self.rng;
        let kit = if lang == "ar" { &self.ar } else { &self.en };
        let mut text = String::with_capacity(4096);
        // Headline: one template sentence without its full stop.
        let template = rng_pick(rng, kit.templates);
        let head = fill(rng, kit, template);
        text.push_str(head.trim_end_matches('.'));
        text.push_str("\n\n");
        let paragraphs = 5 + rng.below(8);
        for _ in 0..paragraphs {
            if !kit.paragraphs.is_empty() && rng.chance(15) {
                text.push_str(rng_pick(rng, &kit.paragraphs));
            } else {
                let sentences = 1 + rng.below(3);
                for k in 0..sentences {
                    if k > 0 {
                        text.push(' ');
                    }
                    let t = if rng.chance(20) {
                        rng_pick(rng, kit.filler)
                    } else {
                        rng_pick(rng, kit.templates)
                    };
                    text.push_str(&fill(rng, kit, t));
                }
            }
            text.push_str("\n\n");
        }
        text.pop();
        Article {
            id,
            lang,
            date,
            text,
        }
    }
}

impl Iterator for Generator {
    type Item = Article;

    fn next(&mut self) -> Option<Article> {
        Some(self.article())
    }
}

fn rng_pick<'a>(rng: &mut Rng, items: &[&'a str]) -> &'a str {
    items[rng.below(items.len())]
}

fn actor<'a>(rng: &mut Rng, names: &'a Names) -> &'a str {
    if rng.chance(60) {
        rng.pick(&names.core).as_str()
    } else {
        rng.pick(&names.actors).as_str()
    }
}

/// Fills a template's slots, keeping {A}, {B}, {C} distinct.
fn fill(rng: &mut Rng, kit: &LangKit, template: &str) -> String {
    let a = actor(rng, &kit.names);
    let mut b = actor(rng, &kit.names);
    while b == a {
        b = actor(rng, &kit.names);
    }
    let mut c = actor(rng, &kit.names);
    while c == a || c == b {
        c = actor(rng, &kit.names);
    }
    template
        .replace("{A}", a)
        .replace("{B}", b)
        .replace("{C}", c)
        .replace("{P}", rng.pick(&kit.names.persons).as_str())
        .replace("{D}", rng_pick(rng, kit.days))
}

/// Escapes a string as a JSON string literal (no serde needed in benches).
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One JSON Lines record: `{"id", "text", "date", "lang"}`.
pub fn jsonl_record(a: &Article) -> String {
    format!(
        "{{\"id\":{},\"text\":{},\"date\":{},\"lang\":{}}}",
        json_string(&a.id),
        json_string(&a.text),
        json_string(&a.date),
        json_string(a.lang)
    )
}
