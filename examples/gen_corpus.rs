//! Deterministic generator of synthetic catalogs for the benchmark.
//!
//! `cargo run --release --example gen_corpus -- N DIR [--hugo HUGO_DIR]`
//! writes a complete danhmuc project of N entries into DIR (and, with
//! `--hugo`, the same corpus as a Hugo site). Text is drawn from the words
//! of the real catalog, so it has Vietnamese diacritics and realistic word
//! lengths; each entry's body is 1.5–2.5 KB, with ~12 sectors, 40 agencies,
//! 1–3 agencies per entry, both groups, and 5–8 keywords drawn from the
//! real entries' keywords (as every entry of a real catalog would have).
//! The same N gives the same bytes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: small, fast, deterministic.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }
}

const SECTORS: [&str; 12] = [
    "Nội vụ",
    "Xây dựng",
    "Khoa học và Công nghệ",
    "Nông nghiệp và Môi trường",
    "Dân tộc và Tôn giáo",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Công Thương",
    "Văn hóa, Thể thao và Du lịch",
    "Tài chính",
    "Tư pháp",
    "Ngoại vụ",
];

fn words() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/content/csdl");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut words = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        let body = text.splitn(3, "---\n").nth(2).unwrap_or("");
        for word in body.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() > 1) {
            words.push(word.to_lowercase());
        }
    }
    words
}

/// The real entries' keywords, each once (compared as `check` compares
/// them: case and diacritics aside), in file order.
fn keyword_pool() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/content/csdl");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut pool: Vec<String> = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        let front = text.split("---\n").nth(1).unwrap_or("");
        // The list under `keywords:`, one "  - " line each.
        let list = front.lines().skip_while(|l| *l != "keywords:").skip(1);
        for keyword in list.map_while(|l| l.strip_prefix("  - ")) {
            if !pool.iter().any(|k| same_keyword(k, keyword)) {
                pool.push(keyword.to_string());
            }
        }
    }
    assert!(pool.len() >= 8, "the real entries have keywords");
    pool
}

fn same_keyword(a: &str, b: &str) -> bool {
    danhmuc::text::fold(&a.to_lowercase()) == danhmuc::text::fold(&b.to_lowercase())
}

fn sentence(rng: &mut Rng, words: &[String], low: usize, high: usize) -> String {
    let n = rng.between(low, high);
    let mut s = String::new();
    for i in 0..n {
        let w = &words[rng.below(words.len())];
        if i == 0 {
            let mut c = w.chars();
            let first = c.next().unwrap();
            s.extend(first.to_uppercase());
            s.push_str(c.as_str());
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s
}

fn slug(text: &str) -> String {
    danhmuc::text::slugify(text)
}

struct Entry {
    title: String,
    group: char,
    number: usize,
    sector: usize,
    agencies: Vec<usize>,
    notes: Option<String>,
    purpose: String,
    scope: String,
    collection: String,
    sharing: String,
    keywords: Vec<String>,
}

fn generate(n: usize) -> (Vec<Entry>, Vec<String>) {
    let words = words();
    let mut rng = Rng(0x5eed_0000 ^ n as u64);
    // Keywords draw from a generator of their own, so that the rest of the
    // corpus is the same text with or without them.
    let pool = keyword_pool();
    let mut keyword_rng = Rng(0x6b65_7977 ^ n as u64);
    let agencies: Vec<String> = (0..40).map(|i| format!("Sở {} {:02}", SECTORS[i % SECTORS.len()], i + 1)).collect();
    let mut entries = Vec::with_capacity(n);
    for i in 0..n {
        let group = if rng.below(10) < 7 { 0 } else { 1 };
        let sector = rng.below(SECTORS.len());
        let mut entry_agencies = Vec::new();
        for _ in 0..rng.between(1, 3) {
            let a = rng.below(agencies.len());
            if !entry_agencies.contains(&a) {
                entry_agencies.push(a);
            }
        }
        let mut scope = String::new();
        for _ in 0..rng.between(9, 16) {
            let _ = writeln!(scope, "- {}", sentence(&mut rng, &words, 6, 16));
        }
        entries.push(Entry {
            title: format!("CSDL {} {}", sentence(&mut rng, &words, 3, 6).to_lowercase(), i + 1),
            group: if group == 0 { 'A' } else { 'B' },
            number: 0,
            sector,
            agencies: entry_agencies,
            notes: (rng.below(3) == 0).then(|| {
                format!(
                    "Quyết định số {}/QĐ-UBND ngày {}/{}/2025",
                    rng.between(100, 4000),
                    rng.between(1, 28),
                    rng.between(1, 12)
                )
            }),
            purpose: format!("{}. {}.", sentence(&mut rng, &words, 20, 40), sentence(&mut rng, &words, 15, 30)),
            scope,
            collection: format!("{}.", sentence(&mut rng, &words, 12, 30)),
            sharing: format!("{}.", sentence(&mut rng, &words, 10, 25)),
            keywords: keywords(&mut keyword_rng, &pool),
        });
    }
    // As in the decision, a group lists each sector's entries together
    // (what `check` asks): numbered sector by sector.
    for group in ['A', 'B'] {
        let mut of_group: Vec<usize> = (0..n).filter(|&i| entries[i].group == group).collect();
        of_group.sort_by_key(|&i| entries[i].sector);
        for (k, i) in of_group.into_iter().enumerate() {
            entries[i].number = k + 1;
        }
    }
    (entries, agencies)
}

/// 5–8 keywords of `pool`, none twice.
fn keywords(rng: &mut Rng, pool: &[String]) -> Vec<String> {
    let mut chosen: Vec<String> = Vec::new();
    let wanted = rng.between(5, 8);
    while chosen.len() < wanted {
        let keyword = &pool[rng.below(pool.len())];
        if !chosen.iter().any(|k| same_keyword(k, keyword)) {
            chosen.push(keyword.clone());
        }
    }
    chosen
}

/// The four sections, the same Markdown for danhmuc and Hugo.
fn body(e: &Entry) -> String {
    format!(
        "## Mục đích\n\n{}\n\n## Phạm vi, nội dung chính\n\n{}\n## Cơ chế thu thập\n\n{}\n\n## Kết nối, chia sẻ dữ liệu\n\n{}\n",
        e.purpose, e.scope, e.collection, e.sharing
    )
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn write_danhmuc(dir: &Path, entries: &[Entry], agencies: &[String]) {
    write(
        &dir.join("danhmuc.toml"),
        "title = \"Danh mục thử nghiệm\"\ndescription = \"Danh mục tổng hợp cho đo hiệu năng.\"\n",
    );
    let mut sectors = String::new();
    for s in SECTORS {
        let _ = writeln!(sectors, "- slug: {}\n  name: \"{s}\"", slug(s));
    }
    write(&dir.join("content/sectors.yaml"), &sectors);
    let mut list = String::new();
    for a in agencies {
        let _ = writeln!(list, "- slug: {}\n  name: \"{a}\"", slug(a));
    }
    write(&dir.join("content/agencies.yaml"), &list);
    for e in entries {
        let mut text = format!(
            "---\ntitle: \"{}\"\ngroup: {}\nnumber: {}\nsector: {}\nagencies:\n",
            e.title,
            e.group,
            e.number,
            slug(SECTORS[e.sector])
        );
        for a in &e.agencies {
            let _ = writeln!(text, "  - {}", slug(&agencies[*a]));
        }
        if let Some(notes) = &e.notes {
            let _ = writeln!(text, "notes: \"{notes}\"");
        }
        text.push_str("keywords:\n");
        for k in &e.keywords {
            let _ = writeln!(text, "  - \"{k}\"");
        }
        text.push_str("---\n\n");
        text.push_str(&body(e));
        let file = format!(
            "content/csdl/{}/{}-{:05}.md",
            e.group.to_ascii_lowercase(),
            e.group.to_ascii_lowercase(),
            e.number
        );
        write(&dir.join(file), &text);
    }
}

/// The same corpus as a Hugo site doing the same work: a page per entry,
/// sector and agency taxonomies (list and term pages), a home listing and
/// a JSON search index of every entry's text.
fn write_hugo(dir: &Path, entries: &[Entry], agencies: &[String]) {
    write(
        &dir.join("hugo.toml"),
        "baseURL = \"/\"\nlanguageCode = \"vi\"\ntitle = \"Danh mục thử nghiệm\"\ndisableKinds = [\"RSS\", \"sitemap\", \"robotsTXT\"]\n\
         [taxonomies]\n  linhvuc = \"linh-vuc\"\n  donvi = \"don-vi\"\n[outputs]\n  home = [\"HTML\", \"JSON\"]\n",
    );
    let base = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>";
    write(&dir.join("layouts/_default/baseof.html"), base);
    write(
        &dir.join("layouts/_default/single.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><p>{{ .Params.nhom }} {{ .Params.so }}</p>\
         {{ range .GetTerms \"linh-vuc\" }}<a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a>{{ end }}\
         {{ range .GetTerms \"don-vi\" }}<a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a>{{ end }}{{ .Content }}\
         <ul>{{ range .Params.tukhoa }}<li>{{ . }}</li>{{ end }}</ul>\
         {{ with .PrevInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}{{ end }}",
    );
    write(
        &dir.join("layouts/_default/list.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><ol>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ol>{{ end }}",
    );
    write(
        &dir.join("layouts/_default/terms.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}",
    );
    write(
        &dir.join("layouts/index.html"),
        "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1><ol>{{ range where .Site.RegularPages \"Section\" \"csdl\" }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ol>{{ end }}",
    );
    write(
        &dir.join("layouts/index.json"),
        "{{- $index := slice -}}{{- range where .Site.RegularPages \"Section\" \"csdl\" -}}{{- $index = $index | append (dict \"title\" .Title \"url\" .RelPermalink \"content\" .Plain \"keywords\" .Params.tukhoa) -}}{{- end -}}{{- $index | jsonify -}}",
    );
    for e in entries {
        let mut text = format!(
            "---\ntitle: \"{}\"\nnhom: \"{}\"\nso: {}\nlinh-vuc: [\"{}\"]\ndon-vi: [",
            e.title, e.group, e.number, SECTORS[e.sector]
        );
        let names: Vec<String> = e.agencies.iter().map(|a| format!("\"{}\"", agencies[*a])).collect();
        let _ = writeln!(text, "{}]", names.join(", "));
        if let Some(notes) = &e.notes {
            let _ = writeln!(text, "ghichu: \"{notes}\"");
        }
        let keywords: Vec<String> = e.keywords.iter().map(|k| format!("\"{k}\"")).collect();
        let _ = writeln!(text, "tukhoa: [{}]", keywords.join(", "));
        text.push_str("---\n\n");
        text.push_str(&body(e));
        let file = format!("content/csdl/{}-{:05}.md", e.group.to_ascii_lowercase(), e.number);
        write(&dir.join(file), &text);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_corpus N DIR [--hugo HUGO_DIR]";
    let n: usize = args.first().and_then(|a| a.parse().ok()).expect(usage);
    let dir = PathBuf::from(args.get(1).expect(usage));
    let (entries, agencies) = generate(n);
    write_danhmuc(&dir, &entries, &agencies);
    if let Some(i) = args.iter().position(|a| a == "--hugo") {
        write_hugo(Path::new(args.get(i + 1).expect(usage)), &entries, &agencies);
    }
}
