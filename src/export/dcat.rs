//! `data/catalog.jsonld`: the catalog in DCAT-AP 3, as JSON-LD with an
//! inline context (no context is fetched from elsewhere). The mapping from
//! the appendix's columns to properties is in `docs/dcat-mapping.md`.
//!
//! Node identifiers are the site's own page URLs: absolute when a base URL
//! is configured, otherwise relative, which JSON-LD resolves against the
//! address the file is read from.

use crate::config::Config;
use crate::model::Catalog;
use crate::model::fields::{COLLECTION, SCOPE, SECTOR, SHARING};
use serde::Serialize;
use serde_json::{Value, json};

pub const PATH: &str = crate::urls::CATALOG_JSONLD;

const ACCESS_RESTRICTED: &str = "http://publications.europa.eu/resource/authority/access-right/RESTRICTED";
const LANGUAGE_VIE: &str = "http://publications.europa.eu/resource/authority/language/VIE";
/// The role of a lead agency (đơn vị chủ trì): it keeps the database
/// (ISO 19115's "custodian", as DCAT-AP suggests for `dcat:hadRole`).
const ROLE_CUSTODIAN: &str = "http://inspire.ec.europa.eu/metadata-codelist/ResponsiblePartyRole/custodian";

fn vi(text: &str) -> Value {
    json!({ "@value": text, "@language": "vi" })
}

/// Writes the document to `out` a few thousand datasets at a time: large
/// catalogs make it hundreds of megabytes, which need not be held in
/// memory to be written.
pub fn write_jsonld(catalog: &Catalog, config: &Config, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    // Relative IRIs are resolved against data/catalog.jsonld itself, so they
    // climb one folder to reach the pages.
    let base = config.base_url.clone().unwrap_or_else(|| "../".to_string());
    let page = |path: &str| format!("{base}{path}");
    let publisher_id = format!("{base}#uy-ban-nhan-dan-tinh");
    let decision = catalog.decision();
    let mut graph = Vec::new();

    let mut catalog_node = json!({
        "@id": page("#danh-muc"),
        "@type": "dcat:Catalog",
        "dct:title": vi(&config.title),
        "dct:description": vi(if config.description.is_empty() { &config.title } else { &config.description }),
        "dct:publisher": { "@id": publisher_id },
        "dct:language": { "@id": LANGUAGE_VIE },
        "foaf:homepage": { "@id": page(crate::urls::HOME), "@type": "foaf:Document" },
        "dcat:dataset": catalog.entries().iter().map(|e| json!({ "@id": page(&crate::urls::entry_folder(e.slug.as_str())) })).collect::<Vec<_>>(),
        "dcat:themeTaxonomy": { "@id": page(crate::urls::folder(crate::urls::SECTORS)) },
    });
    if let Some(decision) = decision {
        let mut legal = json!({
            "@id": page(crate::urls::folder(crate::urls::DECISION)),
            "@type": ["dct:Standard", "eli:LegalResource"],
            "dct:title": vi(&decision.title),
        });
        // A draft's number or date, whichever is set, is not yet its own.
        if let Some(issued) = catalog.issued() {
            legal["dct:identifier"] = json!(issued.number);
            legal["dct:issued"] = json!({ "@value": issued.date.to_string(), "@type": "xsd:date" });
        }
        catalog_node["dct:conformsTo"] = json!({ "@id": page(crate::urls::folder(crate::urls::DECISION)) });
        catalog_node["dct:source"] = json!({ "@id": page(crate::urls::folder(crate::urls::DECISION)) });
        graph.push(legal);
    }
    // Issued with its decision, whether or not the decision's text is here.
    if let Some(issued) = catalog.issued() {
        catalog_node["dct:issued"] = json!({ "@value": issued.date.to_string(), "@type": "xsd:date" });
    }
    if let Some(modified) = catalog.entries().iter().filter_map(|e| e.updated).max() {
        catalog_node["dct:modified"] = json!({ "@value": modified.to_string(), "@type": "xsd:date" });
    }
    // The area the catalog covers ([publisher] area), when known.
    let area = config.publisher.area();
    let spatial = (!area.is_empty()).then(|| page("#dia-ban"));
    if let Some(spatial) = &spatial {
        catalog_node["dct:spatial"] = json!({ "@id": spatial });
    }
    // The publisher's contact ([publisher] address, telephone, email), the
    // catalog's contact point, when any is set.
    let contact = publisher_contact(config, &publisher_id);
    if let Some(contact) = &contact {
        catalog_node["dcat:contactPoint"] = json!({ "@id": contact["@id"] });
    }
    graph.push(catalog_node);
    graph.push(json!({
        "@id": publisher_id,
        "@type": "foaf:Agent",
        "foaf:name": vi(config.publisher()),
    }));
    graph.extend(contact);
    graph.push(json!({
        "@id": page(crate::urls::folder(crate::urls::SECTORS)),
        "@type": "skos:ConceptScheme",
        "dct:title": vi(SECTOR.label),
        "skos:prefLabel": vi(SECTOR.label),
    }));
    // The controlled values every dataset refers to, typed as DCAT-AP's
    // ranges require.
    graph.push(json!({ "@id": LANGUAGE_VIE, "@type": "dct:LinguisticSystem" }));
    graph.push(json!({ "@id": ACCESS_RESTRICTED, "@type": "dct:RightsStatement" }));
    if let Some(spatial) = &spatial {
        graph.push(json!({ "@id": spatial, "@type": "dct:Location", "skos:prefLabel": vi(area) }));
    }
    for sector in catalog.sectors() {
        graph.push(json!({
            "@id": page(&crate::urls::sector_folder(sector.slug.as_str())),
            "@type": "skos:Concept",
            "skos:prefLabel": vi(&sector.name),
            "skos:inScheme": { "@id": page(crate::urls::folder(crate::urls::SECTORS)) },
        }));
    }
    for agency in catalog.agencies() {
        let mut node = json!({
            "@id": page(&crate::urls::agency_folder(agency.slug.as_str())),
            "@type": "foaf:Agent",
            "foaf:name": vi(&agency.name),
        });
        let mut contact = json!({
            "@id": contact_id(&page(&crate::urls::agency_folder(agency.slug.as_str()))),
            "@type": ["vcard:Kind", "vcard:Organization"],
            "vcard:fn": vi(&agency.name),
        });
        if let Some(website) = &agency.website {
            node["foaf:homepage"] = json!({ "@id": website, "@type": "foaf:Document" });
            contact["vcard:hasURL"] = json!({ "@id": website });
        }
        graph.push(node);
        graph.push(contact);
    }
    // Datasets are independent: describe and print them on every core, in
    // order, and splice them into the printed document below (holding the
    // tree of every dataset at once would cost several times the output).
    let dataset = |entry: &crate::model::Entry| {
        let url = page(&crate::urls::entry_folder(entry.slug.as_str()));
        let sector = catalog.sector(entry.sector);
        let plain = &entry.sections.plain;
        // The legal basis (Ghi chú) as a resource of its own, named after
        // the entry: DCAT-AP wants an IRI.
        let legal_id = format!("{url}#can-cu");
        let legal =
            entry.notes.as_deref().map(|notes| Legal { id: &legal_id, kind: "eli:LegalResource", label: Vi(notes) });
        let agencies: Vec<String> = entry
            .agencies
            .iter()
            .map(|a| page(&crate::urls::agency_folder(catalog.agency(*a).slug.as_str())))
            .collect();
        let landing = format!("{url}index.html");
        let node = Dataset {
            id: &url,
            kind: "dcat:Dataset",
            contact_point: agencies.iter().map(|a| contact_id(a)).collect(),
            keyword: [&sector.name, entry.group.name()]
                .into_iter()
                .chain(entry.keywords.iter().map(String::as_str))
                .map(Vi)
                .collect(),
            landing_page: Typed { id: &landing, kind: "foaf:Document" },
            theme: Id(&page(&crate::urls::sector_folder(sector.slug.as_str()))),
            applicable_legislation: legal,
            access_rights: Id(ACCESS_RESTRICTED),
            description: Vi(&[&plain.purpose, " ", SCOPE.label, ": ", &plain.scope].concat()),
            identifier: entry.reference(),
            language: Id(LANGUAGE_VIE),
            modified: entry.updated.map(|d| Date { kind: "xsd:date", value: d.to_string() }),
            provenance: Labelled {
                kind: "dct:ProvenanceStatement",
                label: Vi(&[COLLECTION.label, ": ", &plain.collection].concat()),
            },
            // One publisher, the first lead agency; every lead agency is
            // credited as custodian (DCAT-AP allows one dct:publisher).
            publisher: Id(&agencies[0]),
            relation: entry.notes.as_ref().map(|_| Id(&legal_id)),
            spatial: spatial.as_deref().map(Id),
            title: Vi(&entry.title),
            attribution: agencies
                .iter()
                .map(|a| Attribution { kind: "prov:Attribution", agent: Id(a), role: Id(ROLE_CUSTODIAN) })
                .collect(),
            comment: Vi(&[SHARING.label, ": ", &plain.sharing].concat()),
        };
        super::nested_member(&crate::json::to_string_pretty(&node))
    };
    let document = json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "dcatap": "http://data.europa.eu/r5r/",
            "eli": "http://data.europa.eu/eli/ontology#",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "prov": "http://www.w3.org/ns/prov#",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "skos": "http://www.w3.org/2004/02/skos/core#",
            "xsd": "http://www.w3.org/2001/XMLSchema#"
        },
        "@graph": graph,
    });
    let head = serde_json::to_string_pretty(&document).expect("JSON-LD serializes");
    // The printed document ends with the graph's last node, "\n  ]\n}".
    let end = head.len() - "\n  ]\n}".len();
    assert!(head[end..] == *"\n  ]\n}", "@graph is the last key");
    out.write_all(&head.as_bytes()[..end])?;
    // The graph's other nodes come before the datasets.
    super::write_members(out, catalog.entries(), true, dataset)?;
    out.write_all(&head.as_bytes()[end..])?;
    out.write_all(b"\n")
}

/// A dataset node. Fields are declared in the order `serde_json::Value`
/// prints keys (sorted), the order the rest of the document has; a typed
/// node prints without building a tree of maps first.
#[derive(Serialize)]
struct Dataset<'a> {
    #[serde(rename = "@id")]
    id: &'a str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "dcat:contactPoint", serialize_with = "ids")]
    contact_point: Vec<String>,
    #[serde(rename = "dcat:keyword")]
    /// The sector, the group, then the entry's own keywords.
    keyword: Vec<Vi<'a>>,
    #[serde(rename = "dcat:landingPage")]
    landing_page: Typed<'a>,
    #[serde(rename = "dcat:theme")]
    theme: Id<'a>,
    #[serde(rename = "dcatap:applicableLegislation", skip_serializing_if = "Option::is_none")]
    applicable_legislation: Option<Legal<'a>>,
    #[serde(rename = "dct:accessRights")]
    access_rights: Id<'a>,
    #[serde(rename = "dct:description")]
    description: Vi<'a>,
    #[serde(rename = "dct:identifier")]
    identifier: String,
    #[serde(rename = "dct:language")]
    language: Id<'a>,
    #[serde(rename = "dct:modified", skip_serializing_if = "Option::is_none")]
    modified: Option<Date>,
    #[serde(rename = "dct:provenance")]
    provenance: Labelled<'a>,
    #[serde(rename = "dct:publisher")]
    publisher: Id<'a>,
    #[serde(rename = "dct:relation", skip_serializing_if = "Option::is_none")]
    relation: Option<Id<'a>>,
    #[serde(rename = "dct:spatial", skip_serializing_if = "Option::is_none")]
    spatial: Option<Id<'a>>,
    #[serde(rename = "dct:title")]
    title: Vi<'a>,
    #[serde(rename = "prov:qualifiedAttribution")]
    attribution: Vec<Attribution<'a>>,
    #[serde(rename = "rdfs:comment")]
    comment: Vi<'a>,
}

/// The publisher's contact as a `vcard:Organization`: its name, and
/// whichever of address (`vcard:hasAddress`, a `vcard:Address` with the
/// address as written), telephone (`tel:`) and e-mail (`mailto:`) are set.
fn publisher_contact(config: &Config, publisher_id: &str) -> Option<Value> {
    let publisher = &config.publisher;
    if publisher.address.is_none() && publisher.telephone.is_none() && publisher.email.is_none() {
        return None;
    }
    let id = format!("{publisher_id}-lien-he");
    let mut contact = json!({
        "@id": id,
        "@type": ["vcard:Kind", "vcard:Organization"],
        "vcard:fn": vi(config.publisher()),
    });
    if let Some(address) = &publisher.address {
        contact["vcard:hasAddress"] = json!({
            "@id": format!("{id}-dia-chi"),
            "@type": "vcard:Address",
            "vcard:street-address": vi(address),
        });
    }
    if let Some(tel) = publisher.telephone_uri() {
        contact["vcard:hasTelephone"] = json!({ "@id": tel });
    }
    if let Some(email) = &publisher.email {
        contact["vcard:hasEmail"] = json!({ "@id": format!("mailto:{email}") });
    }
    Some(contact)
}

/// The contact point of an agency (its page's `#lien-he`).
fn contact_id(agency_page: &str) -> String {
    format!("{agency_page}#lien-he")
}

/// `{"@id": iri, "@type": kind}`.
#[derive(Serialize)]
struct Typed<'a> {
    #[serde(rename = "@id")]
    id: &'a str,
    #[serde(rename = "@type")]
    kind: &'static str,
}

/// A legal resource with an IRI of its own and a label.
#[derive(Serialize)]
struct Legal<'a> {
    #[serde(rename = "@id")]
    id: &'a str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "rdfs:label")]
    label: Vi<'a>,
}

/// A lead agency credited with its role.
#[derive(Serialize)]
struct Attribution<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "dcat:hadRole")]
    role: Id<'a>,
    #[serde(rename = "prov:agent")]
    agent: Id<'a>,
}

/// `{"@language": "vi", "@value": text}`, as [`vi`] prints.
#[derive(Clone, Copy)]
struct Vi<'a>(&'a str);

impl Serialize for Vi<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("@language", "vi")?;
        map.serialize_entry("@value", self.0)?;
        map.end()
    }
}

/// `{"@id": iri}`.
#[derive(Serialize)]
struct Id<'a>(#[serde(serialize_with = "id")] &'a str);

fn id<S: serde::Serializer>(iri: &str, serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(1))?;
    map.serialize_entry("@id", iri)?;
    map.end()
}

fn ids<S: serde::Serializer>(iris: &[String], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(iris.iter().map(|iri| Id(iri)))
}

#[derive(Serialize, Clone)]
struct Labelled<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "rdfs:label")]
    label: Vi<'a>,
}

#[derive(Serialize)]
struct Date {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@value")]
    value: String,
}
