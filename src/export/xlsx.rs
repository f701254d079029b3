//! `data/catalog.xlsx`: the catalog as an Excel workbook. The first sheet is
//! laid out like the decision's appendix (headings, group and sector rows,
//! wrapped text, frozen header); the second is the flat table of the CSV,
//! with filters, for sorting and counting. Document properties carry no
//! clock time, so two builds give the same bytes.

use super::table::{HEADERS, rows};
use crate::model::{Catalog, Group};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

pub const PATH: &str = "data/catalog.xlsx";

/// Both sheets are "low memory" worksheets: their cells go to a temporary
/// file row by row instead of staying in memory (at 100,000 entries the
/// build's peak drops from 2.0 to 1.5 GB); rows must be written in order.
pub fn to_xlsx(catalog: &Catalog, title: &str, base_url: Option<&str>) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author("danhmuc")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2026, 1, 1)?),
    );
    appendix_sheet(&mut workbook, catalog, title)?;
    flat_sheet(&mut workbook, catalog, base_url)?;
    // Level 3 instead of the default 6: at 10,000 entries it saves a third
    // of the time spent compressing for a file 10 % larger.
    workbook.set_zip_compression_level(3);
    workbook.save_to_buffer()
}

fn appendix_sheet(workbook: &mut Workbook, catalog: &Catalog, title: &str) -> Result<(), XlsxError> {
    let sheet = workbook.add_worksheet_with_low_memory()?;
    sheet.set_name("Phụ lục")?;
    let border = Format::new().set_border(FormatBorder::Thin);
    let heading =
        border.clone().set_bold().set_text_wrap().set_align(FormatAlign::Center).set_align(FormatAlign::VerticalCenter);
    let cell = border.clone().set_text_wrap().set_align(FormatAlign::Top);
    let number = cell.clone().set_align(FormatAlign::Center);
    let group_row = border.clone().set_bold().set_background_color("#F2DCDB").set_text_wrap();
    let sector_row = border.clone().set_bold().set_background_color("#F2F2F2").set_text_wrap();
    let title_format = Format::new().set_bold().set_font_size(14).set_align(FormatAlign::Center).set_text_wrap();

    for (column, width) in [6.0, 30.0, 22.0, 40.0, 55.0, 40.0, 40.0, 28.0].into_iter().enumerate() {
        sheet.set_column_width(column as u16, width)?;
    }
    sheet.merge_range(0, 0, 0, 7, &title.to_uppercase(), &title_format)?;
    sheet.set_row_height(0, 36)?;
    let columns = [
        "TT",
        "Tên cơ sở dữ liệu",
        "Đơn vị chủ trì",
        "Mục đích",
        "Phạm vi, nội dung chính",
        "Cơ chế thu thập",
        "Kết nối, chia sẻ dữ liệu",
        "Ghi chú",
    ];
    // Low-memory sheets are written row by row: each row whole, in order.
    for (column, name) in columns.iter().enumerate() {
        sheet.write_string_with_format(2, column as u16, *name, &heading)?;
    }
    for column in 0..columns.len() {
        sheet.write_number_with_format(3, column as u16, (column + 1) as f64, &heading)?;
    }
    sheet.set_freeze_panes(4, 0)?;
    sheet.set_repeat_rows(2, 3)?;
    sheet.set_landscape();

    let mut row = 4u32;
    for group in Group::ALL {
        let count = catalog.entries_in_group(group).count();
        if count == 0 {
            continue;
        }
        sheet.write_string_with_format(row, 0, group.code(), &group_row)?;
        sheet.merge_range(row, 1, row, 7, &format!("{} ({count} CSDL)", group.name().to_uppercase()), &group_row)?;
        row += 1;
        for (n, (sector, entries)) in catalog.sectors_in_group(group).into_iter().enumerate() {
            let name = &catalog.sector(sector).name;
            sheet.write_string_with_format(row, 0, crate::text::roman(n + 1), &sector_row)?;
            sheet.merge_range(
                row,
                1,
                row,
                7,
                &format!("LĨNH VỰC {}: {:02} CSDL", name.to_uppercase(), entries.len()),
                &sector_row,
            )?;
            row += 1;
            for index in entries {
                let e = &catalog.entries()[index];
                let agencies: Vec<&str> = e.agencies.iter().map(|a| catalog.agency(*a).name.as_str()).collect();
                sheet.write_number_with_format(row, 0, e.number as f64, &number)?;
                let texts = [
                    e.title.as_str(),
                    &agencies.join("; "),
                    &e.sections.purpose,
                    &e.sections.scope,
                    &e.sections.collection,
                    &e.sections.sharing,
                    e.notes.as_deref().unwrap_or(""),
                ];
                for (column, text) in texts.iter().enumerate() {
                    sheet.write_string_with_format(row, column as u16 + 1, *text, &cell)?;
                }
                row += 1;
            }
        }
    }
    Ok(())
}

fn flat_sheet(workbook: &mut Workbook, catalog: &Catalog, base_url: Option<&str>) -> Result<(), XlsxError> {
    let sheet = workbook.add_worksheet_with_low_memory()?;
    sheet.set_name("Bảng dữ liệu")?;
    let heading = Format::new().set_bold().set_text_wrap().set_border(FormatBorder::Thin);
    let cell = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (column, name) in HEADERS.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, *name, &heading)?;
        sheet.set_column_width(column as u16, if (9..=12).contains(&column) { 45.0 } else { 18.0 })?;
        // Cells written without a format take their column's: looked up
        // by column, where a format given per cell is hashed and compared
        // whole for every one of a large catalog's millions of cells.
        sheet.set_column_format(column as u16, &cell)?;
    }
    for (r, row) in rows(catalog, base_url).enumerate() {
        // Moved, not copied: the sheet keeps each string.
        for (column, value) in row.into_iter().enumerate() {
            sheet.write_string(r as u32 + 1, column as u16, value)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, catalog.entries().len() as u32, HEADERS.len() as u16 - 1)?;
    Ok(())
}
