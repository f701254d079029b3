//! `check`'s warning for an entry whose number breaks its sector's run in
//! the appendix (the rule is `model::appendix`'s).

use crate::diagnostics::{Code, Diagnostic, Report};
use crate::model::appendix::appendix_positions;
use crate::model::{Catalog, Group};
use crate::source::RawEntry;
use std::collections::HashMap;

/// One warning per entry whose number does not follow its sector's run,
/// saying what number to write, at the entry's `number:`.
pub fn check_sector_order(catalog: &Catalog, raw: &HashMap<&str, &RawEntry>, report: &mut Report) {
    for group in Group::ALL {
        let mut entries: Vec<_> = catalog.entries().iter().filter(|e| e.group == group).collect();
        entries.sort_by_key(|e| e.number);
        let sectors: Vec<_> = entries.iter().map(|e| e.sector).collect();
        let positions = appendix_positions(&sectors);
        for (i, (entry, position)) in entries.iter().zip(&positions).enumerate() {
            if i == *position {
                continue;
            }
            let sector = &catalog.sector(entry.sector).name;
            let wanted = position + 1;
            report.push(
                Diagnostic::warning(
                    Code::NumberOrder,
                    &entry.source_path,
                    format!(
                        "{}.{} “{}” (lĩnh vực {sector}) không đứng cùng các CSDL khác của lĩnh vực này trong nhóm {}.",
                        group.code(),
                        entry.number,
                        entry.title,
                        group.code(),
                    ),
                )
                .at(raw
                    .get(entry.source_path.as_str())
                    .and_then(|r| crate::source::frontmatter_position(r.number.as_ref()?, crate::source::FRONT_MATTER_LINE)))
                .hint(format!(
                    "Trong Phụ lục, các CSDL của một lĩnh vực đứng liền nhau, theo thứ tự các lĩnh vực của nhóm; viết “number: {wanted}” (và đánh số lại các CSDL đứng sau)."
                )),
            );
        }
    }
}
