//! Mention finding and resolution as tables: text → (ids, original span)
//! for every mention, in both languages, with the traps of issue 4; and
//! every alias of every embedded pack reachable in a neutral sentence.

use stancegraph::extract::{aggregate, analyse, analyse_with, How, Options, PersonsMode};
use stancegraph::lexicon::{parse_pack, Knowledge, ACTOR_PACKS};
use stancegraph::text::normalize;
use std::sync::OnceLock;

fn kb() -> &'static Knowledge {
    static KB: OnceLock<Knowledge> = OnceLock::new();
    KB.get_or_init(|| Knowledge::embedded().expect("embedded packs load"))
}

fn doc(text: &str, date: Option<&str>) -> stancegraph::Document {
    let mut doc =
        stancegraph::read_document("t", "t.txt", text.as_bytes(), None).expect("a document");
    doc.date = date.map(str::to_string);
    doc
}

/// Every mention of `text` as (ids joined by '+', its span in the original).
fn mentions_on(text: &str, date: Option<&str>) -> Vec<(String, String)> {
    let doc = doc(text, date);
    let ex = analyse(&doc, kb());
    let norm = normalize(&doc.text);
    ex.mentions
        .iter()
        .filter(|m| !m.ids.is_empty())
        .map(|m| {
            let (s, e) = norm.orig_span(m.start, m.end);
            (m.ids.join("+"), doc.text[s..e].to_string())
        })
        .collect()
}

fn mentions(text: &str) -> Vec<(String, String)> {
    mentions_on(text, None)
}

type Case = (&'static str, &'static [(&'static str, &'static str)]);

/// (text, every mention it must yield, in order).
const CASES: &[Case] = &[
    // ── Longest wins ────────────────────────────────────────────────────
    ("هاجمت ميليشيات حفتر العاصمة.", &[("lna", "ميليشيات حفتر")]),
    (
        "هاجمت الميليشيات المسلحة المدينة.",
        &[("militias", "الميليشيات المسلحة")],
    ),
    (
        "رحبت الولايات المتحدة بالاتفاق.",
        &[("united-states", "الولايات المتحدة")],
    ),
    (
        "دعت الأمم المتحدة إلى وقف إطلاق النار.",
        &[("un", "الأمم المتحدة")],
    ),
    (
        "أعلن الجيش الوطني الليبي السيطرة على المدينة.",
        &[("lna", "الجيش الوطني الليبي")],
    ),
    (
        "رحبت حكومة الوفاق الوطني بالقرار.",
        &[("gna", "حكومة الوفاق الوطني")],
    ),
    (
        "Haftar's forces shelled the city.",
        &[("lna", "Haftar's forces")],
    ),
    (
        "The United States welcomed the deal.",
        &[("united-states", "United States")],
    ),
    (
        "The Libyan National Army rejected the call.",
        &[("lna", "Libyan National Army")],
    ),
    (
        "The UN Security Council met on Libya.",
        &[("un", "UN Security Council")],
    ),
    // ── No false friends ────────────────────────────────────────────────
    ("وصلت التعزيزات إلى مصراتة أمس.", &[]),
    ("قصفت الطائرات مدينة مصراتة.", &[]),
    // A company of its own, never turkey.
    (
        "Turkish Airlines resumed flights to Tripoli.",
        &[("turkish-airlines", "Turkish Airlines")],
    ),
    ("He told us the talks failed.", &[]),
    ("The campus was closed.", &[]),
    ("قال وزير الداخلية إن الوضع هادئ.", &[]),
    // ── Proclitics ──────────────────────────────────────────────────────
    (
        "دعمت مصر وروسيا الهجوم.",
        &[("egypt", "مصر"), ("russia", "روسيا")],
    ),
    ("اجتمع الوفد بمصر مع المسؤولين.", &[("egypt", "مصر")]),
    // لل + noun: the span starts at the ل that stands for the article.
    (
        "قدمت حكومة الوفاق شكوى للأمم المتحدة.",
        &[("gna", "حكومة الوفاق"), ("un", "للأمم المتحدة")],
    ),
    ("وتركيا ترسل قوات إلى ليبيا.", &[("turkey", "تركيا")]),
    (
        "فرنسا وإيطاليا مختلفتان.",
        &[("france", "فرنسا"), ("italy", "إيطاليا")],
    ),
    ("أشاد بالاتحاد الأوروبي.", &[("eu", "الاتحاد الأوروبي")]),
    ("وقالت الإمارات إنها تدعم الحل.", &[("uae", "الإمارات")]),
    ("ولروسيا مصالح في المنطقة.", &[("russia", "روسيا")]),
    // ── Demonyms: adjectives of places and things are no actors ─────────
    ("انتشرت القوات في الأراضي الليبية.", &[]),
    ("Troops crossed into Libyan territory.", &[]),
    ("A Turkish-flagged ship docked in Misrata.", &[]),
    ("وصلت شحنة من السلاح التركي.", &[("turkey", "السلاح التركي")]),
    ("عبرت سفينة ترفع العلم التركي.", &[]),
    (
        "دخلت القوات التركية طرابلس.",
        &[("turkey", "القوات التركية")],
    ),
    // Positions, bases and convoys are held by the state their adjective names.
    (
        "The LNA launched strikes against Turkish positions near Misrata.",
        &[("lna", "LNA"), ("turkey", "Turkish positions")],
    ),
    (
        "قصفت طائرات حفتر المواقع التركية قرب مصراتة.",
        &[("lna", "حفتر"), ("turkey", "المواقع التركية")],
    ),
    (
        "The Turkish foreign minister visited Tripoli.",
        &[("turkey", "Turkish foreign minister")],
    ),
    (
        "Russian President Vladimir Putin spoke.",
        &[("russia", "Russian President Vladimir Putin")],
    ),
    (
        "قال وزير الخارجية التركي إن بلاده تدعم الحكومة في طرابلس.",
        // "بلاده" (his country) refers back to the minister's state.
        &[
            ("turkey", "الخارجية التركي"),
            ("turkey", "بلاده"),
            ("gna", "الحكومة في طرابلس"),
        ],
    ),
    // An institution noun owned by a foreign state is that state, never
    // the Libyan parliament the bare noun would be.
    (
        "Turkey's parliament approved the deployment.",
        &[("turkey", "Turkey's parliament")],
    ),
    (
        "The parliament of Turkey backed the GNA.",
        &[("turkey", "Turkey"), ("gna", "GNA")],
    ),
    (
        "The Turkish parliament approved the deployment.",
        &[("turkey", "Turkish parliament")],
    ),
    (
        "صادق البرلمان التركي على المذكرة.",
        &[("turkey", "البرلمان التركي")],
    ),
    (
        "Libya's parliament rejected the deal.",
        &[("hor", "parliament")],
    ),
    ("رفض الأتراك الاتهامات.", &[("turkey", "الأتراك")]),
    ("The Turks denied it.", &[("turkey", "Turks")]),
    (
        "Egyptian troops massed on the border.",
        &[("egypt", "Egyptian troops")],
    ),
    (
        "Russian and Turkish foreign ministers met.",
        &[
            ("russia", "Russian"),
            ("turkey", "Turkish foreign ministers"),
        ],
    ),
    (
        "وأعرب الرئيس المصري عن قلقه.",
        &[("egypt", "الرئيس المصري")],
    ),
    ("Libyan officials denied the report.", &[]),
    // ── Capitals: places after locatives, actors otherwise ──────────────
    ("Ankara said it would send troops.", &[("turkey", "Ankara")]),
    ("The talks were held in Ankara.", &[]),
    ("Moscow denied any role.", &[("russia", "Moscow")]),
    ("He arrived in Moscow on Monday.", &[]),
    (
        "أعلنت أنقرة دعمها للحكومة الليبية.",
        &[("turkey", "أنقرة"), ("gna", "للحكومة الليبية")],
    ),
    ("عقد الاجتماع في أنقرة.", &[]),
    ("وصل الوفد إلى القاهرة.", &[]),
    ("رحبت القاهرة بالمبادرة.", &[("egypt", "القاهرة")]),
    ("التقى المسؤولون بالقاهرة.", &[]),
    (
        "Washington urged restraint.",
        &[("united-states", "Washington")],
    ),
    (
        "CAIRO (Reuters) - Egypt warned Turkey.",
        &[
            ("reuters", "Reuters"),
            ("egypt", "Egypt"),
            ("turkey", "Turkey"),
        ],
    ),
    // ── Persons fold into their organisation ────────────────────────────
    ("قال المسماري إن القوات تتقدم.", &[("lna", "المسماري")]),
    ("Erdogan vowed to defend Tripoli.", &[("turkey", "Erdogan")]),
    ("رحب السراج بالمبادرة.", &[("gna", "السراج")]),
    (
        "Lavrov met Haftar in Moscow.",
        &[("russia", "Lavrov"), ("lna", "Haftar")],
    ),
    (
        "أكد عقيلة صالح دعمه للجيش.",
        &[("hor", "عقيلة صالح"), ("lna", "للجيش")],
    ),
    (
        "Khaled al-Mishri rejected the plan.",
        &[("hcs", "Khaled al-Mishri")],
    ),
    (
        "Putin and Erdogan called for a truce.",
        &[("russia", "Putin"), ("turkey", "Erdogan")],
    ),
    // ── Roles and titles ────────────────────────────────────────────────
    // The UN envoy of an article about no country in particular is the UN's
    // (in a Libya article, UNSMIL's: tests/context.rs).
    (
        "قال المبعوث الأممي إن الحوار مستمر.",
        &[("un", "المبعوث الأممي")],
    ),
    ("The UN envoy called for talks.", &[("un", "The UN envoy")]),
    (
        "قال الناطق باسم الجيش الليبي إن الهجوم فشل.",
        &[("lna", "الناطق باسم الجيش الليبي")],
    ),
    (
        "Russia's foreign minister met his Turkish counterpart.",
        &[("russia", "Russia"), ("turkey", "Turkish counterpart")],
    ),
    // ── Context words ───────────────────────────────────────────────────
    // The Arabic dual names both legislative bodies, with its clitics.
    (
        "ورحب المبعوث الأممي بتوافق مجلسي النواب والدولة على القوانين.",
        &[
            ("un", "المبعوث الأممي"),
            ("hor+hcs", "مجلسي النواب والدولة"),
        ],
    ),
    (
        "أقر مجلسا النواب والدولة القاعدة الدستورية.",
        &[("hor+hcs", "مجلسا النواب والدولة")],
    ),
    (
        "أعلن الجيش الليبي تقدمه نحو طرابلس.",
        &[("lna", "الجيش الليبي")],
    ),
    (
        "صد الجيش الليبي هجوم ميليشيات حفتر على طرابلس.",
        &[("gna", "الجيش الليبي"), ("lna", "ميليشيات حفتر")],
    ),
    (
        "The army said it repelled the attack on Tripoli.",
        &[("lna", "The army")],
    ),
    (
        "رحب المجلس الرئاسي في طرابلس بالاتفاق.",
        &[("gna", "المجلس الرئاسي")],
    ),
    (
        "قال الدبيبة إن المجلس الرئاسي يدعم الانتخابات.",
        &[("gnu", "الدبيبة"), ("gnu", "المجلس الرئاسي")],
    ),
    (
        "أعلنت البعثة الأممية استئناف المحادثات في طرابلس.",
        &[("unsmil", "البعثة الأممية")],
    ),
    (
        "The mission welcomed the truce in Tripoli.",
        &[("unsmil", "The mission")],
    ),
    // ── References ──────────────────────────────────────────────────────
    (
        "التقى السراج أردوغان، وأكد الأخير دعمه.",
        &[
            ("gna", "السراج"),
            ("turkey", "أردوغان"),
            ("turkey", "الأخير"),
        ],
    ),
    (
        "Sarraj met Erdogan; the latter pledged support.",
        &[
            ("gna", "Sarraj"),
            ("turkey", "Erdogan"),
            ("turkey", "the latter"),
        ],
    ),
    ("خلال الجولة الأخيرة من المحادثات.", &[]),
    // "the former" is the first of the last two, and only when it stands
    // alone.
    (
        "Haftar met Lavrov, and the former rejected any truce.",
        &[
            ("lna", "Haftar"),
            ("russia", "Lavrov"),
            ("lna", "the former"),
        ],
    ),
    (
        "Sarraj met Erdogan and the former UN envoy.",
        &[("gna", "Sarraj"), ("turkey", "Erdogan"), ("unsmil", "UN envoy")],
    ),
    // الأخير asks for a masculine antecedent, الأخيرة for a feminine one:
    // the feminine presidency named last is not "the latter" here.
    (
        "اتفق السيسي والرئيس الأمريكي على التهدئة، بحسب بيان للرئاسة المصرية. وكان الأخير قد اتصل بأردوغان.",
        &[
            ("egypt", "السيسي"),
            ("united-states", "الرئيس الأمريكي"),
            ("egypt", "للرئاسة المصرية"),
            ("united-states", "الأخير"),
            ("turkey", "أردوغان"),
        ],
    ),
    (
        "استقبل الرئيس التركي وفد البعثة الأممية، وأكد الأخير دعم الحوار.",
        &[
            ("turkey", "الرئيس التركي"),
            ("un", "البعثة الأممية"),
            ("turkey", "الأخير"),
        ],
    ),
    // An organisation, a title and a person are one subject mention.
    (
        "GNA interior minister Fathi Bashagha said the UAE carried out the strikes.",
        &[("gna", "GNA interior minister Fathi Bashagha"), ("uae", "UAE")],
    ),
    (
        "The EU's foreign policy chief Josep Borrell criticised Turkey.",
        &[("eu", "EU's foreign policy chief Josep Borrell"), ("turkey", "Turkey")],
    ),
    (
        "Russian Foreign Minister Sergei Lavrov criticised Turkey.",
        &[("russia", "Russian Foreign Minister Sergei Lavrov"), ("turkey", "Turkey")],
    ),
    // A feminine possessive on a title (وزير خارجيتها, رئيس مجلسها) points
    // to the last antecedent the words show feminine, past a person whose
    // gender they do not show.
    (
        "انضمت أنقرة، الحليف الأبرز للسراج، إلى هذا الموقف، واتهم وزير خارجيتها الاتحاد الأوروبي بالانحياز.",
        &[
            ("turkey", "أنقرة"),
            ("gna", "للسراج"),
            ("turkey", "وزير خارجيتها"),
            ("eu", "الاتحاد الأوروبي"),
        ],
    ),
    (
        "رحبت مصر بالقرار الذي أعلنه السراج، وقال رئيس حكومتها إنه خطوة مهمة.",
        &[
            ("egypt", "مصر"),
            ("gna", "السراج"),
            ("egypt", "رئيس حكومتها"),
        ],
    ),
    (
        "استقبلت الحكومة المصرية رئيس المجلس الرئاسي الليبي، وأكدت الأخيرة دعمها للحوار.",
        &[
            ("egypt", "الحكومة المصرية"),
            ("gna", "المجلس الرئاسي الليبي"),
            ("egypt", "الأخيرة"),
        ],
    ),
    (
        "Haftar's forces and the GNA agreed a truce. Both sides welcomed it.",
        &[
            ("lna", "Haftar's forces"),
            ("gna", "GNA"),
            ("gna+lna", "Both sides"),
        ],
    ),
    (
        "اتفقت حكومة الوفاق وقوات حفتر على الهدنة، ورحب الطرفان بها.",
        &[
            ("gna", "حكومة الوفاق"),
            ("lna", "قوات حفتر"),
            ("gna+lna", "الطرفان"),
        ],
    ),
    // A relative clause with an announcing verb names a proposal's owner
    // after the noun; "the plan" later stands for that owner.
    (
        "رحب مجلس النواب بالمبادرة التي طرحها الرئيس المصري. ورفضت حكومة الوفاق المبادرة.",
        &[
            ("hor", "مجلس النواب"),
            ("egypt", "الرئيس المصري"),
            ("gna", "حكومة الوفاق"),
            ("egypt", "المبادرة"),
        ],
    ),
    (
        "رفض مجلس النواب مقترحاً قدمته تركيا. ورحبت حكومة الوفاق بالمقترح.",
        &[
            ("hor", "مجلس النواب"),
            ("turkey", "تركيا"),
            ("gna", "حكومة الوفاق"),
            ("turkey", "بالمقترح"),
        ],
    ),
    // "the winners", "the new authority": the actor the article names as
    // elected or chosen; nothing where it names none, or only who chose.
    (
        "The forum voted and Dbeibah was named prime minister of the Government of National Unity. The HoR congratulated the winners and welcomed the new authority.",
        &[
            ("gnu", "Dbeibah"),
            ("gnu", "Government of National Unity"),
            ("hor", "HoR"),
            ("gnu", "the winners"),
            ("gnu", "the new authority"),
        ],
    ),
    (
        "The HoR welcomed the new authority.",
        &[("hor", "HoR")],
    ),
    (
        "A prime minister was named by the House of Representatives. The GNA rejected the new government.",
        &[("hor", "House of Representatives"), ("gna", "GNA")],
    ),
    (
        "The HoR welcomed the plan put forward by Egypt. The GNA rejected the plan.",
        &[
            ("hor", "HoR"),
            ("egypt", "Egypt"),
            ("gna", "GNA"),
            ("egypt", "the plan"),
        ],
    ),
    (
        "The HoR welcomed the initiative that Egypt announced. The GNA rejected the initiative.",
        &[
            ("hor", "HoR"),
            ("egypt", "Egypt"),
            ("gna", "GNA"),
            ("egypt", "the initiative"),
        ],
    ),
    // Rejecting a plan does not make it yours.
    (
        "The HoR welcomed the plan that Egypt rejected. The GNA backed the plan.",
        &[("hor", "HoR"), ("egypt", "Egypt"), ("gna", "GNA")],
    ),
    // A plan named by its proposer's demonym has no forces: "قواتها" is
    // the government's.
    (
        "رفضت حكومة الوفاق المبادرة المصرية، وقال المتحدث باسم قواتها إن الهجوم فشل.",
        &[
            ("gna", "حكومة الوفاق"),
            ("egypt", "المبادرة المصرية"),
            ("gna", "قواتها"),
        ],
    ),
    // Object pronouns: the actor right before, in object position, when a
    // new clause opens after it and nothing else stands between.
    (
        "التقى الوزير بالسراج وأكد له دعم الحوار.",
        &[("gna", "السراج"), ("gna", "ه")],
    ),
    (
        "استقبل السراج السفير الأمريكي وبحث معه الأوضاع.",
        &[
            ("gna", "السراج"),
            ("united-states", "السفير الأمريكي"),
            ("united-states", "ه"),
        ],
    ),
    (
        "Lavrov met Haftar and assured him of support.",
        &[("russia", "Lavrov"), ("lna", "Haftar"), ("lna", "him")],
    ),
    // The subject of the pronoun's own clause is never its antecedent.
    (
        "رحب السراج بالقرار، وأكد الرئيس التركي دعمه له.",
        &[("gna", "السراج"), ("turkey", "الرئيس التركي")],
    ),
    // A noun between may be what it means (the accusations).
    (
        "اتهمت أفريكوم موسكو بدعم فاغنر، وهي اتهامات لم تعلق عليها روسيا.",
        &[
            ("united-states", "أفريكوم"),
            ("russia", "موسكو"),
            ("wagner", "فاغنر"),
            ("russia", "روسيا"),
        ],
    ),
    // "him" is a person, "them" a people noun or both sides.
    (
        "The GNA rejected the LNA and condemned them.",
        &[("gna", "GNA"), ("lna", "LNA")],
    ),
    // ── Organisations and groups ────────────────────────────────────────
    (
        "نفت مجموعة فاغنر وجودها في ليبيا.",
        &[("wagner", "مجموعة فاغنر")],
    ),
    ("The Wagner Group denied it.", &[("wagner", "Wagner Group")]),
    ("تبنى تنظيم داعش الهجوم.", &[("isis", "تنظيم داعش")]),
    (
        "Islamic State claimed the attack.",
        &[("isis", "Islamic State")],
    ),
    (
        "أعلنت المؤسسة الوطنية للنفط رفع القوة القاهرة.",
        &[("noc", "المؤسسة الوطنية للنفط")],
    ),
    ("The NOC lifted force majeure.", &[("noc", "NOC")]),
    (
        "دعا مجلس النواب إلى الانتخابات في ليبيا.",
        &[("hor", "مجلس النواب")],
    ),
    (
        "رفض المجلس الأعلى للدولة القانون.",
        &[("hcs", "المجلس الأعلى للدولة")],
    ),
    (
        "قاتل المرتزقة السوريون في طرابلس.",
        &[("mercenaries", "المرتزقة السوريون")],
    ),
    (
        "Syrian mercenaries arrived in Tripoli.",
        &[("mercenaries", "Syrian mercenaries")],
    ),
    (
        "The Arab League called for calm.",
        &[("arab-league", "Arab League")],
    ),
    (
        "دعت جامعة الدول العربية إلى التهدئة.",
        &[("arab-league", "جامعة الدول العربية")],
    ),
    (
        "NATO and the EU backed the plan.",
        &[("nato", "NATO"), ("eu", "EU")],
    ),
    (
        "The African Union called for talks.",
        &[("african-union", "African Union")],
    ),
    // ── Unlisted organisations ──────────────────────────────────────────
    (
        "رحبت حركة النهوض الوطني بالاتفاق.",
        &[("unlisted-حركه-النهوض-الوطني", "حركة النهوض الوطني")],
    ),
    (
        "رفضت قوات الصاعقة الجنوبية المبادرة.",
        &[("unlisted-قوات-الصاعقه-الجنوبيه", "قوات الصاعقة الجنوبية")],
    ),
    // The conflict packs list them now (data/actors/conflicts/).
    (
        "رفضت قوات الدعم السريع المبادرة.",
        &[("rsf", "قوات الدعم السريع")],
    ),
    ("انتشرت قوات الأمن في الشوارع.", &[]),
    ("تحسنت حركة الملاحة في الميناء.", &[]),
    (
        "The Justice and Renewal Movement welcomed the deal.",
        &[(
            "unlisted-justice-and-renewal-movement",
            "Justice and Renewal Movement",
        )],
    ),
    (
        "The talks with Zintan Revolutionaries Brigade failed.",
        &[(
            "unlisted-zintan-revolutionaries-brigade",
            "Zintan Revolutionaries Brigade",
        )],
    ),
    ("Government forces shelled the town.", &[]),
    // Not unlisted: "the national army" is the Libya pack's army.
    (
        "The National Army said so in Benghazi.",
        &[("lna", "The National Army")],
    ),
    (
        "He praised the Syrian National Army.",
        &[("sna", "Syrian National Army")],
    ),
    // A person's possessive before their own organisation is one mention.
    // Bare القاعدة is "the base", the group only by its full names.
    ("سيطرت القوات على القاعدة الجوية", &[]),
    (
        "حذر من عودة تنظيم القاعدة",
        &[("al-qaeda", "تنظيم القاعدة")],
    ),
    (
        "The GNA and Erdogan's Turkey signed.",
        &[("gna", "GNA"), ("turkey", "Erdogan's Turkey")],
    ),
    // A rank before the office keeps the demonym's state.
    (
        "Haftar met Russian Deputy Defence Minister Yevkurov.",
        &[("lna", "Haftar"), ("russia", "Russian Deputy Defence Minister")],
    ),
    (
        "استقبل حفتر نائب وزير الدفاع الروسي.",
        &[("lna", "حفتر"), ("russia", "وزير الدفاع الروسي")],
    ),
    // Coordinated demonyms share the agent noun after the last one.
    (
        "Syrian and Russian air forces struck the town.",
        &[("syria", "Syrian"), ("russia", "Russian air forces")],
    ),
    (
        "Saudi and Emirati officials met in Riyadh.",
        &[("saudi-arabia", "Saudi"), ("uae", "Emirati officials")],
    ),
    // The conjunct may be a name, with "and" read as a modifier word.
    (
        "The talks were mediated by Saudi and US officials.",
        &[("saudi-arabia", "Saudi"), ("united-states", "US")],
    ),
    // Without an agent noun after the conjunct, no actor.
    ("Saudi and Emirati dates are sweet.", &[]),
    ("Saudi and US dates are sweet.", &[("united-states", "US")]),
];

#[test]
fn mention_table() {
    assert!(CASES.len() >= 80, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for (text, expected) in CASES {
        let got = mentions(text);
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(i, s)| (i.to_string(), s.to_string()))
            .collect();
        if got != want {
            failures.push(format!("{text}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

/// What a name must resolve to in a neutral sentence.
struct Alias {
    pack: &'static str,
    owner: String,
    name: String,
    /// The id a covering mention must carry (a person's organisation).
    expect: String,
    /// For persons: the person id the mention must keep.
    person: Option<String>,
}

fn all_aliases() -> Vec<Alias> {
    let kb = kb();
    let mut out = Vec::new();
    for (pack, text) in ACTOR_PACKS {
        let file = parse_pack(pack, text).expect("embedded pack parses");
        for a in &file.actor {
            let Some(actor) = kb.actors.actor(&a.id) else {
                continue;
            };
            // The arena and places are never actors; demonyms need a noun.
            if actor.arena || actor.kind == "place" {
                continue;
            }
            let names = [&a.en, &a.ar]
                .into_iter()
                .filter(|n| !n.is_empty())
                .chain(&a.aliases_en)
                .chain(&a.aliases_ar)
                .chain(&a.capital_en)
                .chain(&a.capital_ar)
                .chain(&a.people_en)
                .chain(&a.people_ar);
            for name in names {
                out.push(Alias {
                    pack,
                    owner: a.id.clone(),
                    name: name.clone(),
                    expect: a.id.clone(),
                    person: None,
                });
            }
        }
        for p in &file.person {
            let Some(person) = kb.actors.persons.iter().find(|x| x.id == p.id) else {
                continue;
            };
            // A neutral sentence names no organisation: the undated choice.
            let Some(org) = person.org_in(None, None, &Default::default()) else {
                continue;
            };
            let names = [&p.en, &p.ar]
                .into_iter()
                .filter(|n| !n.is_empty())
                .chain(&p.aliases_en)
                .chain(&p.aliases_ar);
            for name in names {
                out.push(Alias {
                    pack,
                    owner: p.id.clone(),
                    name: name.clone(),
                    expect: org.to_string(),
                    person: Some(p.id.clone()),
                });
            }
        }
        for c in &file.context {
            let Some(default) = &c.default else {
                continue;
            };
            // Words resolved by what the text named before ("the group")
            // have nothing to go by in a neutral sentence.
            if !c.recent.is_empty() || !c.recent_kinds.is_empty() {
                continue;
            }
            for name in c.aliases_en.iter().chain(&c.aliases_ar) {
                out.push(Alias {
                    pack,
                    owner: c.id.clone(),
                    name: name.clone(),
                    expect: default.clone(),
                    person: None,
                });
            }
        }
    }
    out
}

/// Names that legitimately do not resolve to their own entry in a neutral
/// sentence: (owner id, name, why).
const UNREACHABLE: &[(&str, &str, &str)] = &[];

#[test]
fn every_alias_is_reachable() {
    let aliases = all_aliases();
    assert!(aliases.len() > 2000, "{} aliases", aliases.len());
    let mut failures = Vec::new();
    for a in &aliases {
        if UNREACHABLE
            .iter()
            .any(|(o, n, _)| *o == a.owner && *n == a.name)
        {
            continue;
        }
        let arabic = a
            .name
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        let (before, after) = if arabic {
            ("قال مسؤول إن ", " أعلن ذلك")
        } else {
            ("An official said ", " announced it.")
        };
        let text = format!("{before}{}{after}", a.name);
        let (from, to) = (before.len(), before.len() + a.name.len());
        let doc = doc(&text, None);
        let ex = analyse(&doc, kb());
        let norm = normalize(&doc.text);
        let ok = ex.mentions.iter().any(|m| {
            let (s, e) = norm.orig_span(m.start, m.end);
            s <= from
                && to <= e
                && m.ids == [a.expect.clone()]
                && a.person
                    .as_ref()
                    .is_none_or(|p| m.how == How::Person(p.clone()))
        });
        if !ok {
            let got: Vec<String> = ex
                .mentions
                .iter()
                .map(|m| {
                    let (s, e) = norm.orig_span(m.start, m.end);
                    format!("{}={}", &doc.text[s..e], m.ids.join("+"))
                })
                .collect();
            failures.push(format!(
                "{}: {} {:?} → want {}, got [{}]",
                a.pack,
                a.owner,
                a.name,
                a.expect,
                got.join(", ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} names unreachable:\n{}",
        failures.len(),
        aliases.len(),
        failures.join("\n")
    );
}

/// Persons fold into the organisation they acted for on the article's date.
#[test]
fn persons_fold_by_date() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "Aboul Gheit warned against escalation.",
            "2010-05-01",
            "egypt",
        ),
        (
            "Aboul Gheit warned against escalation.",
            "2020-05-01",
            "arab-league",
        ),
        (
            "Stoltenberg said allies were concerned.",
            "2012-01-10",
            "norway",
        ),
        (
            "Stoltenberg said allies were concerned.",
            "2020-01-10",
            "nato",
        ),
        ("أكد غوتيريش دعمه للحوار.", "2020-01-10", "un"),
        (
            "Stephanie Williams welcomed the ceasefire.",
            "2020-10-23",
            "unsmil",
        ),
    ];
    for (text, date, want) in cases {
        let got = mentions_on(text, Some(date));
        assert_eq!(
            got.first().map(|(id, _)| id.as_str()),
            Some(*want),
            "{text} on {date}: {got:?}"
        );
    }
}

/// Without a date, a person who changed sides acts for the side the article
/// itself names (the latest such), else for the pack's `undated` side.
#[test]
fn undated_persons_fold_into_the_side_the_article_names() {
    let cases: &[(&str, &str)] = &[
        (
            "Interior Minister Fathi Bashagha of the GNA said the attack had failed.",
            "gna",
        ),
        (
            "قال وزير الداخلية بحكومة الوفاق فتحي باشاغا إن الهجوم فشل.",
            "gna",
        ),
        (
            "The Government of National Stability said Bashagha would enter Tripoli.",
            "gns",
        ),
        (
            "أعلنت حكومة الاستقرار الوطني أن باشاغا سيدخل طرابلس، بعد أن كان وزيرا في حكومة الوفاق.",
            "gns",
        ),
        // Named by neither side: the pack's `undated` choice.
        ("Bashagha arrived in Misrata.", "gna"),
    ];
    for (text, want) in cases {
        let got = mentions(text);
        let person = got
            .iter()
            .find(|(_, span)| span.contains("Bashagha") || span.contains("باشاغا"))
            .map(|(id, _)| id.as_str());
        assert_eq!(person, Some(*want), "{text}: {got:?}");
    }
    // A date still decides.
    let got = mentions_on("The GNA said Bashagha had resigned.", Some("2022-06-01"));
    assert!(
        got.iter()
            .any(|(id, span)| id == "gns" && span == "Bashagha"),
        "{got:?}"
    );
}

fn sudan_kb() -> Knowledge {
    let pack = std::fs::read_to_string("docs/examples/sudan.toml").expect("example pack");
    Knowledge::with_user_packs(&[("docs/examples/sudan.toml".into(), pack)], &[])
        .expect("example pack loads")
}

/// A user pack overrides a person by id, and the date picks the affiliation.
#[test]
fn user_pack_overrides_persons_and_contexts() {
    let kb = sudan_kb();
    let ids = |text: &str, date: &str| -> Vec<String> {
        let d = doc(text, Some(date));
        analyse(&d, &kb)
            .mentions
            .iter()
            .map(|m| m.ids.join("+"))
            .collect()
    };
    assert_eq!(
        ids("رحب البرهان بالاتفاق.", "2021-06-01"),
        ["sovereignty-council"]
    );
    assert_eq!(ids("رحب البرهان بالاتفاق.", "2024-06-01"), ["saf"]);
    assert_eq!(ids("Hemedti rejected the talks.", "2024-06-01"), ["rsf"]);
    // The context word now names the Sudanese army, and Sudan is the arena.
    assert_eq!(ids("قصف الجيش مواقع في السودان.", "2024-06-01"), ["saf"]);
    assert_eq!(ids("رفضت قوات الدعم السريع الهدنة.", "2024-06-01"), ["rsf"]);
}

fn graph_of(text: &str, opts: &Options) -> stancegraph::graph::GraphJson {
    let d = doc(text, None);
    let ex = analyse_with(&d, kb(), opts);
    aggregate(&d, kb(), &ex, opts).to_json()
}

/// `--persons keep`: persons are nodes of kind person, linked to their
/// organisation by member-of; folded, they are not.
#[test]
fn persons_keep_adds_member_of_edges() {
    let text = "Erdogan condemned Haftar's attack on Tripoli.";
    let folded = graph_of(text, &Options::default());
    assert!(folded.nodes.iter().all(|n| n.kind != "person"));
    assert!(folded
        .edges
        .iter()
        .any(|e| e.source == "turkey" && e.target == "lna"));
    let kept = graph_of(
        text,
        &Options {
            persons: PersonsMode::Keep,
            ..Options::default()
        },
    );
    let erdogan = kept
        .nodes
        .iter()
        .find(|n| n.id == "recep-tayyip-erdogan")
        .expect("Erdogan kept as a node");
    assert_eq!(erdogan.kind, "person");
    let member: Vec<String> = kept
        .edges
        .iter()
        .filter(|e| e.relation == stancegraph::Relation::MemberOf)
        .map(|e| format!("{} {}", e.source, e.target))
        .collect();
    assert!(
        member.contains(&"recep-tayyip-erdogan turkey".to_string()),
        "{member:?}"
    );
    assert!(
        member.contains(&"khalifa-haftar lna".to_string()),
        "{member:?}"
    );
    // The stance itself stays between the organisations.
    assert!(kept
        .edges
        .iter()
        .any(|e| e.source == "turkey" && e.target == "lna"));
}

/// Unlisted organisations take part in stances as `unlisted` nodes;
/// `--strict-actors` leaves them out.
#[test]
fn unlisted_nodes_and_strict_actors() {
    let text = "أدانت حركة النهوض الوطني هجوم قوات حفتر على طرابلس.";
    let g = graph_of(text, &Options::default());
    let node = g
        .nodes
        .iter()
        .find(|n| n.id == "unlisted-حركه-النهوض-الوطني")
        .expect("an unlisted node");
    assert_eq!(node.kind, "unlisted");
    assert_eq!(node.label, "حركة النهوض الوطني");
    assert!(g
        .edges
        .iter()
        .any(|e| e.source == node.id && e.target == "lna"));
    let strict = graph_of(
        text,
        &Options {
            strict_actors: true,
            ..Options::default()
        },
    );
    assert!(
        strict.nodes.iter().all(|n| n.kind != "unlisted"),
        "{:?}",
        strict.nodes
    );
    assert!(strict
        .edges
        .iter()
        .all(|e| !e.source.starts_with("unlisted-")));
}

/// `undated` must name one of the person's own organisations.
#[test]
fn undated_must_be_an_affiliation() {
    let pack = "[[person]]\nid = \"x-y\"\nen = \"X Y\"\naffiliation = [{ org = \"gna\" }]\nundated = \"lna\"\n";
    let err = Knowledge::with_user_packs(&[("p.toml".into(), pack.into())], &[])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("p.toml:5:") && err.contains("undated org 'lna'"),
        "{err}"
    );
}

/// A scare word before one side's name marks the article as written from the
/// other side, and so decides what "the Libyan army" means.
#[test]
fn scare_words_before_a_side_mark_the_framing() {
    let army = |text: &str| -> Option<String> {
        mentions(text)
            .into_iter()
            .find(|(_, span)| span.contains("الجيش") || span.contains("army"))
            .map(|(id, _)| id)
    };
    let cases: &[(&str, &str)] = &[
        (
            "قال الناطق باسم ما يسمى \"القيادة العامة\" إن قواته تتقدم. وأكد الجيش الليبي أنه صد الهجوم.",
            "gna",
        ),
        (
            "هاجمت ميليشيات ما يسمى «بركان الغضب» مواقع عدة. وأكد الجيش الليبي أنه صد الهجوم.",
            "lna",
        ),
        (
            "The so-called Government of National Accord hired mercenaries, the Libyan army said.",
            "lna",
        ),
        (
            "The so-called Libyan National Army shelled the suburbs, the Libyan army said.",
            "gna",
        ),
        // The scare word before a name no side scorns marks nothing.
        (
            "قالت ما يسمى \"لجنة المتابعة\" إن الجيش الليبي تقدم.",
            "lna",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(
            army(text).as_deref(),
            Some(*want),
            "{text}: {:?}",
            mentions(text)
        );
    }
}

/// A framing can only scorn actors that exist.
#[test]
fn framing_scorns_must_name_actors() {
    let pack = "[[framing]]\nname = \"pro-x\"\nscorns = [\"nobody\"]\n";
    let err = Knowledge::with_user_packs(&[("f.toml".into(), pack.into())], &[])
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("f.toml: framing 'pro-x' scorns unknown id 'nobody'"),
        "{err}"
    );
}

/// A title, its portfolio and the organisation after ب, ل or في are one
/// mention of that organisation; without a portfolio, or with a verb's
/// complement in its place, the organisation stands alone.
#[test]
fn titles_of_an_organisation_are_one_mention() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "رحب وزير الداخلية بحكومة الوفاق فتحي باشاغا بالموقف التركي.",
            &[
                ("gna", "وزير الداخلية بحكومة الوفاق فتحي باشاغا"),
                ("turkey", "الموقف التركي"),
            ],
        ),
        (
            "وأشاد مسؤول السياسة الخارجية في الاتحاد الأوروبي بالخطوة.",
            &[("eu", "مسؤول السياسة الخارجية في الاتحاد الأوروبي")],
        ),
        (
            "أعرب وزير الخارجية عن دعمه لحكومة الوفاق.",
            &[("gna", "حكومة الوفاق")],
        ),
        ("رحب الوزير بحكومة الوفاق.", &[("gna", "حكومة الوفاق")]),
    ];
    for (text, want) in cases {
        let got = mentions(text);
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "{text}");
    }
    // The welcome is the minister's, of Turkey's stance.
    let g = graph_of(
        "رحب وزير الداخلية بحكومة الوفاق فتحي باشاغا بالموقف التركي.",
        &Options::default(),
    );
    let edges: Vec<String> = g
        .edges
        .iter()
        .map(|e| format!("{} {} {}", e.source, e.relation, e.target))
        .collect();
    assert_eq!(edges, ["gna supports turkey"], "{edges:?}");
}

/// An object pronoun carries the stance to its antecedent: Erdogan's
/// support "له" is for Sarraj, not for Haftar named after it.
#[test]
fn object_pronoun_takes_the_stance() {
    let g = graph_of(
        "التقى أردوغان بالسراج، وأعلن دعمه له في مواجهة حفتر.",
        &Options::default(),
    );
    let edges: Vec<(String, String, String)> = g
        .edges
        .iter()
        .map(|e| (e.source.clone(), e.relation.to_string(), e.target.clone()))
        .collect();
    let has = |s: &str, r: &str, t: &str| edges.iter().any(|e| e.0 == s && e.1 == r && e.2 == t);
    assert!(has("turkey", "supports", "gna"), "{edges:?}");
    assert!(!has("turkey", "supports", "lna"), "{edges:?}");
}
