//! The JSON Schema of an entry's front matter, for editors: VS Code's YAML
//! extension (and others) use it to complete and check fields while typing.
//! It is generated from the project so that sector and agency slugs are
//! offered by name; `danhmuc schema` prints it and
//! `schema/front-matter.schema.json` holds the real catalog's.

use crate::source::RawProject;
use serde_json::{Value, json};

pub const SCHEMA_FILE: &str = "schema/front-matter.schema.json";

/// The schema for the project's entries.
pub fn front_matter_schema(project: &RawProject) -> Value {
    let sector_slugs: Vec<&str> = project.sectors.iter().map(|s| s.slug.value.as_str()).collect();
    let sector_names: Vec<&str> = project.sectors.iter().map(|s| s.name.value.as_str()).collect();
    let agency_slugs: Vec<&str> = project.agencies.iter().map(|a| a.slug.value.as_str()).collect();
    let agency_names: Vec<&str> = project.agencies.iter().map(|a| a.name.value.as_str()).collect();
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Thông tin một CSDL trong Danh mục (front matter)",
        "description": "Phần thông tin giữa hai dòng “---” ở đầu mỗi tệp trong content/csdl/.",
        "type": "object",
        "additionalProperties": false,
        "required": ["title", "group", "number", "sector", "agencies"],
        "properties": {
            "title": {
                "type": "string",
                "minLength": 1,
                "pattern": "\\S",
                "description": "Tên CSDL, đúng như trong Phụ lục của Quyết định."
            },
            "group": {
                "enum": ["A", "B"],
                "enumDescriptions": ["Nhóm CSDL do bộ, ngành trung ương triển khai", "Nhóm CSDL do tỉnh triển khai"],
                "description": "Nhóm: A (do bộ, ngành trung ương triển khai) hoặc B (do tỉnh triển khai)."
            },
            "number": {
                "type": "integer",
                "minimum": 1,
                "description": "Số thứ tự (TT) trong nhóm, bắt đầu từ 1."
            },
            "sector": {
                "enum": sector_slugs,
                "enumDescriptions": sector_names,
                "description": "Mã lĩnh vực, khai báo trong content/sectors.yaml."
            },
            "agencies": {
                "type": "array",
                "minItems": 1,
                "uniqueItems": true,
                "items": { "enum": agency_slugs, "enumDescriptions": agency_names },
                "description": "Mã các đơn vị chủ trì, khai báo trong content/agencies.yaml."
            },
            "notes": {
                "type": ["string", "null"],
                "description": "Ghi chú, thường là căn cứ pháp lý."
            },
            "slug": {
                "type": "string",
                "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                "description": "Đường dẫn cố định của trang (chữ thường không dấu, chữ số, dấu gạch ngang)."
            },
            "updated": {
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                "description": "Ngày cập nhật, dạng năm-tháng-ngày."
            },
            "ly_do": {
                "type": ["string", "null"],
                "description": "Lý do dự thảo đề xuất bổ sung hoặc sửa đổi CSDL này; chỉ in trong bảng so sánh, không thuộc Quyết định."
            },
            "keywords": {
                "type": "array",
                "items": { "type": "string", "minLength": 1 },
                "uniqueItems": true,
                "description": "Từ khóa tìm kiếm: những cụm từ người dân, doanh nghiệp hay gõ khi tìm CSDL này (ví dụ “sổ đỏ”). Không thuộc nội dung Quyết định."
            },
            "verbatim": {
                "type": "array",
                "items": { "enum": ["title", "notes"] },
                "uniqueItems": true,
                "description": "Các trường giữ đúng như văn bản đã ký (kể cả cách đặt dấu thanh), không bị cảnh báo về cách viết."
            }
        }
    })
}

/// The schema as the text `danhmuc schema` prints.
pub fn to_text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("schema serializes");
    text.push('\n');
    text
}
