//! Throughput of the text engine (normalise + segment + tokenize) over a
//! generated multi-megabyte Arabic corpus, in MB/s.
//!
//! The corpus is built from sentences written for this benchmark,
//! recombined by a fixed pseudo-random sequence, with tashkeel, Arabic-Indic
//! digits, quotes and the scraped-page junk (`., `) mixed in so the slow
//! paths are exercised. Run: `cargo bench --bench text -- --quick`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use stancegraph::text::{normalize, segment, tokenize};

/// The allocator of the `stancegraph` binary, so the text engine costs here
/// what it costs there.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SENTENCES: &[&str] = &[
    "أعلن المتحدث باسم الجيش أن القوات تواصل تقدمها نحو العاصمة",
    "رحبت الحكومة بدعوة الأمم المتحدة إلى استئناف الحوار في جنيف",
    "وقال الوزير إن بلاده لن تقبل بأي تدخل أجنبي في شؤونها الداخلية",
    "نفت أنقرة إرسال مقاتلين جدد، بينما أكدت مصادر محلية وصول طائرتين",
    "اجتمعت اللجنة العسكرية المشتركة ٥+٥ لبحث ترتيبات وقف إطلاق النار",
    "وأكّد رئيسُ المجلسِ أنّ الحلَّ السياسيَّ هو الطريقُ الوحيد",
    "دعا المبعوث الأممي الطرفين إلى الالتزام بالهدنة في حال تجدد القتال",
    "وصف البرلمان الاتفاق بأنه «خرق فاضح» للسيادة الوطنية",
    "لكن مصادر مطلعة قالت إن المفاوضات قد تستأنف خلال أيام",
    "وبحسب التقرير، فإن ٢٣ شحنة وصلت إلى الميناء في فبراير/شباط ٢٠٢٠",
];
const STOPS: &[&str] = &[". ", "., ", "؟ ", "، ", ".\n", " - ", ". "];

fn corpus(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 256);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    while out.len() < bytes {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.push_str(SENTENCES[(state % SENTENCES.len() as u64) as usize]);
        out.push_str(STOPS[((state >> 32) % STOPS.len() as u64) as usize]);
    }
    out
}

fn bench(c: &mut Criterion) {
    let text = corpus(4 << 20);
    let mut group = c.benchmark_group("text");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("normalize+segment+tokenize", |b| {
        b.iter(|| {
            let norm = normalize(&text);
            let sentences = segment(&norm.text);
            let tokens = tokenize(&norm.text);
            (sentences.len(), tokens.len())
        })
    });
    let norm = normalize(&text);
    group.bench_function("normalize", |b| b.iter(|| normalize(&text).text.len()));
    group.bench_function("segment", |b| b.iter(|| segment(&norm.text).len()));
    group.bench_function("tokenize", |b| b.iter(|| tokenize(&norm.text).len()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
