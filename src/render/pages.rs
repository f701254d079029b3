//! One function per kind of page: which pages exist, at which path, and
//! what their template sees.

use super::templates::{Renderer, root_prefix};
use super::views::{AgencyLink, CatalogViews, EntryView, GroupView, Link, group_url};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::model::{AgencyId, Catalog, Group, SectorId};
use crate::output::Sink;
use serde::Serialize;

#[derive(Serialize)]
pub(super) struct Crumb<'a> {
    pub(super) name: &'a str,
    pub(super) url: &'a str,
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    counts: &'a super::views::Counts,
    decision_draft: bool,
    /// Whether the project has its decision (and so the Word document).
    has_decision: bool,
    has_feed: bool,
    /// "Danh mục cơ sở dữ liệu dùng chung tỉnh X" (`[publisher] area`).
    catalog_name: String,
    /// The area the catalog covers, e.g. "tỉnh Quảng Ninh"; "" when unset.
    area: &'a str,
    /// Who issues the decision (`[publisher] name`); None when unset, and
    /// the pages then name no one rather than the catalog's title.
    publisher: Option<&'a str>,
    /// The publisher's contact for the footer, when any is set.
    contact: Option<ContactView<'a>>,
    /// The signed decision cited in full at its first mention ("Quyết định
    /// số 123/QĐ-UBND ngày … của Ủy ban nhân dân tỉnh …"); None for a draft.
    decision_citation: Option<String>,
}

/// The owning body's contact as state portals show it in their footer.
#[derive(Serialize)]
struct ContactView<'a> {
    address: Option<&'a str>,
    telephone: Option<&'a str>,
    telephone_uri: Option<String>,
    email: Option<&'a str>,
}

impl<'a> ContactView<'a> {
    fn of(publisher: &'a crate::config::PublisherConfig) -> Option<ContactView<'a>> {
        let view = ContactView {
            address: publisher.address.as_deref(),
            telephone: publisher.telephone.as_deref(),
            telephone_uri: publisher.telephone_uri(),
            email: publisher.email.as_deref(),
        };
        (view.address.is_some() || view.telephone.is_some() || view.email.is_some()).then_some(view)
    }
}

/// "Quyết định số 123/QĐ-UBND ngày … của Ủy ban nhân dân tỉnh …" for a
/// signed catalog (without "của …" when the decision's text, which names
/// its issuer, is not in the project).
fn decision_citation(catalog: &Catalog) -> Option<String> {
    let citation = catalog.issued()?.citation();
    Some(match catalog.decision() {
        Some(decision) => format!("{citation} của {}", decision.issuer),
        None => citation,
    })
}

/// Entries of one group on a sector or agency page: their list items
/// (`partials/entry-item.html`), one after the other.
#[derive(Serialize)]
struct GroupEntries {
    group: GroupView,
    items: String,
}

/// A sector heading inside a group, numbered as in the decision, with its
/// entries' list items.
#[derive(Serialize)]
struct SectorSection<'a> {
    roman: String,
    sector: &'a Link,
    count: usize,
    items: String,
}

#[derive(Serialize)]
struct Counted<'a, T: Serialize> {
    item: &'a T,
    count: usize,
    count_a: usize,
    count_b: usize,
}

pub(super) struct PageBuilder<'a> {
    renderer: &'a Renderer,
    views: &'a CatalogViews,
    config: &'a Config,
    catalog: &'a Catalog,
    /// The site as every page's template sees it, made once (a Tera value
    /// is shared, not copied, into each page's context).
    site: tera::Value,
    /// The versions of the catalog, when the project declares any.
    versions: Option<&'a crate::versions::Versions>,
    /// Each entry's lines of history (by slug).
    histories: std::collections::HashMap<String, Vec<super::changes::HistoryLine>>,
}

impl<'a> PageBuilder<'a> {
    pub(super) fn new(
        renderer: &'a Renderer,
        views: &'a CatalogViews,
        config: &'a Config,
        catalog: &'a Catalog,
        versions: Option<&'a crate::versions::Versions>,
    ) -> Self {
        let site = tera::Value::from_serializable(&SiteView {
            title: &config.title,
            description: &config.description,
            language: &config.language,
            counts: &views.counts,
            decision_draft: catalog.is_draft(),
            has_decision: catalog.decision().is_some(),
            has_feed: catalog.has_dated_entries() || versions.is_some_and(|h| h.list.iter().any(|v| v.date.is_some())),
            catalog_name: config.catalog_name(),
            area: config.publisher.area(),
            publisher: config.publisher.own_name(),
            contact: ContactView::of(&config.publisher),
            decision_citation: decision_citation(catalog),
        });
        let histories = versions.map(|h| super::changes::entry_histories(h, catalog)).unwrap_or_default();
        PageBuilder { renderer, views, config, catalog, site, versions, histories }
    }

    /// The catalog the pages describe: the one in force.
    pub(super) fn catalog(&self) -> &Catalog {
        self.catalog
    }

    pub(super) fn context(&self, path: &str, title: &str, section: &str, crumbs: &[Crumb]) -> tera::Context {
        let mut context = tera::Context::new();
        context.insert("root", &root_prefix(path));
        context.insert("page_path", path);
        context.insert("page_title", title);
        context.insert("section", section);
        context.insert("breadcrumbs", crumbs);
        context.insert_value("site", self.site.clone());
        context.insert("page_description", &self.config.description);
        if let Some(base) = &self.config.base_url {
            context.insert("canonical", &format!("{base}{}", path.strip_suffix("index.html").unwrap_or(path)));
        }
        context
    }

    pub(super) fn render(
        &self,
        files: &dyn Sink,
        path: &str,
        template: &str,
        context: &tera::Context,
    ) -> Result<(), Diagnostic> {
        let html = self.renderer.render(template, context)?;
        files.add(path, html);
        Ok(())
    }

    /// The entries at `indices` (in order) split by group, for a sector
    /// or agency page.
    fn groups_of(&self, indices: &[usize]) -> Vec<GroupEntries> {
        Group::ALL
            .iter()
            .filter_map(|&group| {
                let (items, count) =
                    self.list_items(indices.iter().copied().filter(|&i| self.catalog.entries()[i].group == group));
                (count > 0).then(|| GroupEntries { group: GroupView::new(group, count), items })
            })
            .collect()
    }

    /// The list items of the entries `indices` yields, joined, and how
    /// many there are.
    fn list_items(&self, indices: impl Iterator<Item = usize>) -> (String, usize) {
        let mut count = 0;
        let mut html = String::new();
        for i in indices {
            html.push_str(&self.views.list_items[i]);
            count += 1;
        }
        (html, count)
    }
}

/// Renders the pages of the catalog as it stands into `files`.
pub(super) fn standard_pages(pages: &PageBuilder, files: &dyn Sink) -> Result<(), Diagnostic> {
    home(pages, files)?;
    entries(pages, files)?;
    sectors(pages, files, &|_| true)?;
    agencies(pages, files, &|_| true)?;
    groups(pages, files, &|_| true)?;
    full_table(pages, files)?;
    decision(pages, files)?;
    let mut context = pages.context(crate::urls::SEARCH, "Tìm kiếm", "search", &[]);
    context.insert("page_description", "Tìm kiếm trong Danh mục cơ sở dữ liệu dùng chung: gõ có dấu hoặc không dấu.");
    context.insert("feedback_search", &pages.config.feedback.search_link());
    pages.render(files, crate::urls::SEARCH, "search.html", &context)?;
    statistics(pages, files)?;
    let context = pages.context("404.html", "Không tìm thấy trang", "", &[]);
    pages.render(files, "404.html", "404.html", &context)
}

fn sector_counts<'a>(pages: &'a PageBuilder) -> Vec<Counted<'a, Link>> {
    let mut counts = vec![(0, 0); pages.views.sectors.len()];
    for entry in pages.catalog.entries() {
        let slot = &mut counts[entry.sector.0];
        if entry.group == Group::A { slot.0 += 1 } else { slot.1 += 1 }
    }
    pages
        .views
        .sectors
        .iter()
        .zip(counts)
        .map(|(item, (a, b))| Counted { item, count: a + b, count_a: a, count_b: b })
        .collect()
}

fn agency_counts<'a>(pages: &'a PageBuilder) -> Vec<Counted<'a, AgencyLink>> {
    let mut counts = vec![(0, 0); pages.views.agencies.len()];
    for entry in pages.catalog.entries() {
        for agency in &entry.agencies {
            let slot = &mut counts[agency.0];
            if entry.group == Group::A { slot.0 += 1 } else { slot.1 += 1 }
        }
    }
    pages
        .views
        .agencies
        .iter()
        .zip(counts)
        .map(|(item, (a, b))| Counted { item, count: a + b, count_a: a, count_b: b })
        .collect()
}

/// The lead agencies of the catalog, with their counts: an abolished
/// agency (it has a successor) that no entry names leads nothing, and is
/// neither listed nor charted; its page stays, to say who took over.
fn lead_agency_counts<'a>(pages: &'a PageBuilder) -> Vec<Counted<'a, AgencyLink>> {
    pages
        .catalog
        .agency_ids()
        .zip(agency_counts(pages))
        .filter(|(id, counted)| counted.count > 0 || pages.catalog.agency(*id).successor.is_none())
        .map(|(_, counted)| counted)
        .collect()
}

pub(super) fn home(pages: &PageBuilder, files: &dyn Sink) -> Result<(), Diagnostic> {
    let mut context = pages.context(crate::urls::HOME, &pages.config.title, "home", &[]);
    context.insert("jsonld", &super::structured::data_catalog(pages.catalog, pages.config));
    context.insert("sectors", &sector_counts(pages));
    context.insert("agencies", &lead_agency_counts(pages));
    if let Some(summary) = pages.versions.and_then(super::changes::draft_summary) {
        context.insert("draft", &summary);
    }
    if let Some(note) = pages.versions.and_then(super::changes::in_force_note) {
        context.insert("in_force", &note);
    }
    pages.render(files, crate::urls::HOME, "home.html", &context)
}

/// The entries of each sector, in the catalog's order: one pass over the
/// entries rather than one per sector.
fn entries_by_sector(catalog: &Catalog) -> Vec<Vec<usize>> {
    let mut by_sector = vec![Vec::new(); catalog.sectors().len()];
    for (index, entry) in catalog.entries().iter().enumerate() {
        by_sector[entry.sector.0].push(index);
    }
    by_sector
}

/// Previous and next entry of each entry, in the decision's order within
/// its sector.
pub(super) fn neighbours(catalog: &Catalog) -> Vec<(Option<usize>, Option<usize>)> {
    let mut neighbours = vec![(None, None); catalog.entries().len()];
    for siblings in &entries_by_sector(catalog) {
        for (position, &index) in siblings.iter().enumerate() {
            neighbours[index] = (position.checked_sub(1).map(|p| siblings[p]), siblings.get(position + 1).copied());
        }
    }
    neighbours
}

/// Whether the working tree is a draft (whichever catalog the pages
/// show): its decision's number and date are not both set.
fn is_draft(config: &Config) -> bool {
    config.decision.issued().is_none()
}

pub(super) fn render_entry(
    pages: &PageBuilder,
    index: usize,
    (previous, next): (Option<usize>, Option<usize>),
) -> Result<(String, Vec<u8>), Diagnostic> {
    let entry = &pages.views.entries[index];
    let model = &pages.catalog.entries()[index];
    let path = entry.summary.url.clone();
    let sector = &pages.views.sectors[model.sector.0];
    let crumbs =
        [Crumb { name: "Lĩnh vực", url: crate::urls::SECTORS }, Crumb { name: &sector.name, url: &sector.url }];
    let mut context = pages.context(&path, &entry.summary.title, "sectors", &crumbs);
    context.insert("page_description", &super::structured::entry_description(model, pages.catalog));
    context.insert("jsonld", &super::structured::dataset(model, pages.catalog, pages.config));
    context.insert("entry", entry);
    context.insert("previous", &previous.map(|i| &pages.views.entries[i].summary));
    context.insert("next", &next.map(|i| &pages.views.entries[i].summary));
    context.insert("group_url", &group_url(model.group));
    // Comments are asked for while the decision is a draft.
    if is_draft(pages.config)
        && let Some(link) = pages.config.feedback.link(model.slug.as_str(), &model.title)
    {
        context.insert("feedback", &link);
    }
    if let Some(lines) = pages.histories.get(model.slug.as_str()) {
        context.insert("history", lines);
    }
    if let Some(versions) = pages.versions
        && let Some(proposal) = super::changes::draft_changes(versions, model.slug.as_str())
    {
        context.insert("proposal", &proposal);
        context.insert("draft_url", &versions.current().map(|v| v.url()));
        context.insert("in_force", &versions.in_force().map(|v| v.title()));
    }
    pages.renderer.render("entry.html", &context).map(|html| (path, html))
}

fn entries(pages: &PageBuilder, files: &dyn Sink) -> Result<(), Diagnostic> {
    use rayon::prelude::*;
    let neighbours = neighbours(pages.catalog);
    // Entry pages are independent: render and write them on every core.
    (0..pages.catalog.entries().len()).into_par_iter().try_for_each(|index| {
        let (path, html) = render_entry(pages, index, neighbours[index])?;
        files.add(&path, html);
        Ok(())
    })
}

/// The list of sectors and the page of each sector `which` accepts.
pub(super) fn sectors(
    pages: &PageBuilder,
    files: &dyn Sink,
    which: &(dyn Fn(SectorId) -> bool + Sync),
) -> Result<(), Diagnostic> {
    use rayon::prelude::*;
    let counts = sector_counts(pages);
    let mut context = pages.context(crate::urls::SECTORS, "Lĩnh vực", "sectors", &[]);
    context.insert("sectors", &counts);
    pages.render(files, crate::urls::SECTORS, "sectors.html", &context)?;
    let chosen: Vec<(SectorId, &Counted<Link>)> =
        pages.catalog.sector_ids().zip(&counts).filter(|(id, _)| which(*id)).collect();
    let by_sector = entries_by_sector(pages.catalog);
    chosen.into_par_iter().try_for_each(|(id, counted)| {
        let sector = counted.item;
        assert_eq!(root_prefix(&sector.url), super::views::LIST_ROOT);
        let crumbs = [Crumb { name: "Lĩnh vực", url: crate::urls::SECTORS }];
        let mut context = pages.context(&sector.url, &format!("Lĩnh vực {}", sector.name), "sectors", &crumbs);
        context.insert(
            "page_description",
            &format!("Các CSDL dùng chung thuộc lĩnh vực {}: {} CSDL.", sector.name, counted.count),
        );
        context.insert("sector", sector);
        context.insert("count", &counted.count);
        context.insert("groups", &pages.groups_of(&by_sector[id.0]));
        pages.render(files, &sector.url, "sector.html", &context)
    })
}

/// The list of agencies and the page of each agency `which` accepts.
pub(super) fn agencies(
    pages: &PageBuilder,
    files: &dyn Sink,
    which: &(dyn Fn(AgencyId) -> bool + Sync),
) -> Result<(), Diagnostic> {
    use rayon::prelude::*;
    let counts = agency_counts(pages);
    let mut context = pages.context(crate::urls::AGENCIES, "Đơn vị chủ trì", "agencies", &[]);
    context.insert("agencies", &lead_agency_counts(pages));
    pages.render(files, crate::urls::AGENCIES, "agencies.html", &context)?;
    let chosen: Vec<(AgencyId, &Counted<AgencyLink>)> =
        pages.catalog.agency_ids().zip(&counts).filter(|(id, _)| which(*id)).collect();
    let mut by_agency = vec![Vec::new(); counts.len()];
    for (index, entry) in pages.catalog.entries().iter().enumerate() {
        for agency in &entry.agencies {
            by_agency[agency.0].push(index);
        }
    }
    chosen.into_par_iter().try_for_each(|(id, counted)| {
        let agency = counted.item;
        assert_eq!(root_prefix(&agency.url), super::views::LIST_ROOT);
        let crumbs = [Crumb { name: "Đơn vị chủ trì", url: crate::urls::AGENCIES }];
        let mut context = pages.context(&agency.url, &agency.name, "agencies", &crumbs);
        context.insert(
            "page_description",
            &format!("Các CSDL dùng chung do {} chủ trì: {} CSDL.", agency.name, counted.count),
        );
        context.insert("agency", agency);
        context.insert("website", &pages.catalog.agency(id).website);
        context.insert("former", &pages.catalog.agency(id).former);
        if let Some(successor) = pages.catalog.agency(id).successor {
            let own = &pages.catalog.agency(id).name;
            let taken_over = pages.catalog.agency(successor);
            // The year its name ended, as the successor records it.
            let year = taken_over.former.iter().find(|f| &f.name == own).and_then(|f| f.until);
            context.insert("successor", &pages.views.agencies[successor.0]);
            context.insert("successor_year", &year);
        }
        context.insert("count", &counted.count);
        context.insert("groups", &pages.groups_of(&by_agency[id.0]));
        pages.render(files, &agency.url, "agency.html", &context)
    })
}

/// A group's sectors in the decision's order, with their entries.
fn group_sections<'a>(pages: &'a PageBuilder, group: Group) -> Vec<SectorSection<'a>> {
    pages
        .catalog
        .sectors_in_group(group)
        .into_iter()
        .enumerate()
        .map(|(n, (sector, entries))| {
            let (items, count) = pages.list_items(entries.into_iter());
            SectorSection { roman: crate::text::roman(n + 1), sector: &pages.views.sectors[sector.0], count, items }
        })
        .collect()
}

/// The page of each group `which` accepts.
pub(super) fn groups(pages: &PageBuilder, files: &dyn Sink, which: &dyn Fn(Group) -> bool) -> Result<(), Diagnostic> {
    for group in Group::ALL.into_iter().filter(|g| which(*g)) {
        let view = GroupView::new(group, pages.catalog.entries_in_group(group).count());
        let path = view.url.clone();
        let mut context = pages.context(&path, &format!("{}. {}", group.code(), group.name()), "groups", &[]);
        context.insert("page_description", &format!("{}: {} CSDL.", group.name(), view.count));
        context.insert("group", &view);
        assert_eq!(root_prefix(&path), super::views::LIST_ROOT);
        context.insert("sections", &group_sections(pages, group));
        pages.render(files, &path, "group.html", &context)?;
    }
    Ok(())
}

/// One row of the full table, in the decision's order: group, then sector
/// within the group, then number.
struct TableRow {
    group: Group,
    /// The sector's place within its group (I, II…).
    section: usize,
    sector: SectorId,
    /// Entries of that sector within the group, for its heading.
    section_count: usize,
    entry: usize,
}

fn full_table(pages: &PageBuilder, files: &dyn Sink) -> Result<(), Diagnostic> {
    use rayon::prelude::*;
    #[derive(Serialize)]
    struct TableSection<'a> {
        roman: String,
        sector: &'a Link,
        /// Entries of the sector in the group, on every page it spans.
        count: usize,
        /// Whether the sector began on an earlier page.
        continued: bool,
        entries: Vec<&'a EntryView>,
    }
    #[derive(Serialize)]
    struct TableGroup<'a> {
        group: GroupView,
        sections: Vec<TableSection<'a>>,
    }
    #[derive(Serialize)]
    struct TablePage {
        number: usize,
        url: String,
        /// Where the page starts: "A.17, lĩnh vực Công Thương".
        first: String,
        current: bool,
    }
    let catalog = pages.catalog;
    let mut rows = Vec::with_capacity(catalog.entries().len());
    for group in Group::ALL {
        for (section, (sector, entries)) in catalog.sectors_in_group(group).into_iter().enumerate() {
            let section_count = entries.len();
            rows.extend(entries.into_iter().map(|entry| TableRow { group, section, sector, section_count, entry }));
        }
    }
    // Up to a page's worth of rows, the table is one page, like the
    // decision's appendix; a larger catalog gets several, so that no page is
    // too heavy for a phone (10,000 entries in one table: a 22 MB page).
    let page_size = pages.config.table.page_size();
    let chunks: Vec<&[TableRow]> = if rows.is_empty() { vec![&[]] } else { rows.chunks(page_size).collect() };
    let start = |row: &TableRow| {
        format!("{}, lĩnh vực {}", catalog.entries()[row.entry].reference(), catalog.sector(row.sector).name)
    };
    let page_list = |current: usize| -> Vec<TablePage> {
        match chunks.len() {
            1 => Vec::new(),
            _ => chunks
                .iter()
                .enumerate()
                .map(|(k, chunk)| TablePage {
                    number: k + 1,
                    url: crate::urls::table_page(k + 1),
                    first: chunk.first().map(start).unwrap_or_default(),
                    current: k + 1 == current,
                })
                .collect(),
        }
    };
    chunks.par_iter().enumerate().try_for_each(|(k, chunk)| {
        let number = k + 1;
        let path = crate::urls::table_page(number);
        let indices: Vec<usize> = chunk.iter().map(|r| r.entry).collect();
        let views = pages.views.entries_for_page(catalog, pages.config, &path, &indices);
        let mut table: Vec<TableGroup> = Vec::new();
        // The row before each one, starting with the previous page's last:
        // a section that goes on from there is marked continued.
        let mut previous = k.checked_sub(1).and_then(|p| chunks[p].last());
        for (row, view) in chunk.iter().zip(&views) {
            let same_group = previous.is_some_and(|p| p.group == row.group);
            let same_section = same_group && previous.is_some_and(|p| p.section == row.section);
            if table.is_empty() || !same_group {
                let count = catalog.entries_in_group(row.group).count();
                table.push(TableGroup { group: GroupView::new(row.group, count), sections: Vec::new() });
            }
            let sections = &mut table.last_mut().expect("a group was pushed").sections;
            if sections.is_empty() || !same_section {
                sections.push(TableSection {
                    roman: crate::text::roman(row.section + 1),
                    sector: &pages.views.sectors[row.sector.0],
                    count: row.section_count,
                    continued: same_section,
                    entries: Vec::new(),
                });
            }
            sections.last_mut().expect("a section was pushed").entries.push(view.as_ref());
            previous = Some(row);
        }
        let title = match chunks.len() {
            1 => "Toàn bộ Danh mục".to_string(),
            n => format!("Toàn bộ Danh mục, trang {number}/{n}"),
        };
        let mut context = pages.context(&path, &title, "table", &[]);
        let name = pages.config.catalog_name();
        context.insert("page_description", &format!("Toàn bộ {name}, theo Phụ lục của Quyết định."));
        context.insert("table", &table);
        context.insert("table_pages", &page_list(number));
        context.insert("page_number", &number);
        pages.render(files, &path, "table.html", &context)
    })
}

fn decision(pages: &PageBuilder, files: &dyn Sink) -> Result<(), Diagnostic> {
    let Some(decision) = pages.catalog.decision() else {
        return Ok(());
    };
    #[derive(Serialize)]
    struct DecisionView<'a> {
        title: &'a str,
        issuer: &'a str,
        place: &'a str,
        year: u32,
        number: Option<&'a str>,
        /// Its date as documents write it, or the blanks a draft leaves.
        date: String,
        draft: bool,
        signer: &'a str,
        signer_title: &'a [String],
        replaces: Option<&'a str>,
        recipients: &'a [String],
        body_html: String,
        edit_url: Option<String>,
    }
    let view = DecisionView {
        title: &decision.title,
        issuer: &decision.issuer,
        place: &decision.place,
        year: decision.year,
        number: decision.number.as_deref(),
        date: decision.date.map_or_else(|| crate::model::IsoDate::blank_in(decision.year), |d| d.long()),
        draft: decision.is_draft(),
        signer: &decision.signer,
        signer_title: &decision.signer_title,
        replaces: decision.replaces.as_deref(),
        recipients: &decision.recipients,
        body_html: super::decision::body_html(
            decision,
            &crate::markdown::LinkContext {
                from_file: &decision.source_path,
                root: &root_prefix(crate::urls::DECISION),
                targets: &pages.views.targets,
            },
        ),
        // A signed decision is not edited: no link to propose changes.
        edit_url: decision.is_draft().then(|| pages.config.edit_url(&decision.source_path)).flatten(),
    };
    let path = crate::urls::DECISION;
    let title = match decision.issued() {
        Some(issued) => crate::model::decision_by_number(&issued.number),
        None => "Dự thảo Quyết định".to_string(),
    };
    let mut context = pages.context(path, &title, "decision", &[]);
    context.insert("page_description", &decision.title);
    context.insert("decision", &view);
    pages.render(files, path, "decision.html", &context)
}

fn statistics(pages: &PageBuilder, files: &dyn Sink) -> Result<(), Diagnostic> {
    use super::charts::{Bar, bar_chart};
    #[derive(Serialize)]
    struct Row<'a> {
        label: &'a str,
        value: usize,
        url: Option<&'a str>,
    }
    #[derive(Serialize)]
    struct Chart<'a> {
        id: &'static str,
        title: &'static str,
        label_heading: &'static str,
        svg: String,
        rows: Vec<Row<'a>>,
    }
    fn chart<'a>(id: &'static str, title: &'static str, label_heading: &'static str, rows: Vec<Row<'a>>) -> Chart<'a> {
        let bars: Vec<Bar> = rows.iter().map(|r| Bar { label: r.label, value: r.value }).collect();
        Chart { id, title, label_heading, svg: bar_chart(id, title, &bars), rows }
    }
    let sectors = sector_counts(pages);
    let agencies = lead_agency_counts(pages);
    let charts = [
        chart(
            "theo-nhom",
            "Số CSDL theo nhóm",
            "Nhóm",
            pages
                .views
                .counts
                .groups
                .iter()
                .map(|g| Row { label: g.name, value: g.count, url: Some(g.url.as_str()) })
                .collect(),
        ),
        chart(
            "theo-linh-vuc",
            "Số CSDL theo lĩnh vực",
            "Lĩnh vực",
            sectors
                .iter()
                .map(|s| Row { label: &s.item.name, value: s.count, url: Some(s.item.url.as_str()) })
                .collect(),
        ),
        chart(
            "theo-don-vi",
            "Số CSDL theo đơn vị chủ trì",
            "Đơn vị chủ trì",
            agencies
                .iter()
                .map(|a| Row { label: &a.item.name, value: a.count, url: Some(a.item.url.as_str()) })
                .collect(),
        ),
    ];
    let path = crate::urls::STATISTICS;
    let mut context = pages.context(path, "Thống kê", "statistics", &[]);
    context.insert("page_description", "Số CSDL dùng chung theo nhóm, theo lĩnh vực và theo đơn vị chủ trì.");
    context.insert("charts", &charts);
    pages.render(files, path, "statistics.html", &context)
}
