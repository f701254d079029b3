//! The order of the appendix: within a group, the entries of one sector
//! stand together, numbered from 1 in the order the appendix first names
//! each sector. `check` reports numbers that break a sector's run
//! (`validate::order`), and `danhmuc new` places a new entry by the same
//! rule (`source::new_entry`).
//!
//! The sectors' order within a group is the appendix's own, not always
//! `sectors.yaml`'s: the decision's group B names Khoa học và Công nghệ
//! after Văn hóa, Thể thao và Du lịch, while group A names it third. Only
//! a sector new to a group is placed by `sectors.yaml`.

/// The position (0-based) each entry should have, given each entry's
/// sector in the order of its number: a stable sort by the rank of the
/// sector's first appearance.
pub fn appendix_positions<T: PartialEq>(sectors: &[T]) -> Vec<usize> {
    let mut first: Vec<&T> = Vec::new();
    let ranks: Vec<usize> = sectors
        .iter()
        .map(|sector| match first.iter().position(|s| *s == sector) {
            Some(rank) => rank,
            None => {
                first.push(sector);
                first.len() - 1
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..sectors.len()).collect();
    order.sort_by_key(|&i| ranks[i]);
    let mut positions = vec![0; sectors.len()];
    for (position, &i) in order.iter().enumerate() {
        positions[i] = position;
    }
    positions
}

/// Where a new entry of `sector` goes among a group's entries (`sectors`,
/// in the order of their numbers): after the last entry of its sector;
/// for a sector the group does not have yet, after the last entry whose
/// sector `declared` (sectors.yaml) lists before it, else first.
pub fn insertion_point<T: PartialEq>(sectors: &[T], sector: &T, declared: &[T]) -> usize {
    if let Some(last) = sectors.iter().rposition(|s| s == sector) {
        return last + 1;
    }
    let rank = |s: &T| declared.iter().position(|d| d == s);
    let Some(own) = rank(sector) else { return sectors.len() };
    sectors.iter().rposition(|s| rank(s).is_some_and(|r| r < own)).map_or(0, |last| last + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sector_that_comes_back_is_moved_to_its_run() {
        assert_eq!(appendix_positions(&["a", "a", "b", "b"]), [0, 1, 2, 3]);
        assert_eq!(appendix_positions(&["a", "b", "a", "c"]), [0, 2, 1, 3]);
        // The appendix's own order of sectors is kept, whatever it is.
        assert_eq!(appendix_positions(&["c", "a", "b"]), [0, 1, 2]);
    }

    #[test]
    fn a_new_entry_goes_after_its_sector_or_where_sectors_yaml_puts_it() {
        let declared = ["a", "b", "c", "d"];
        assert_eq!(insertion_point(&["a", "a", "b", "c"], &"a", &declared), 2);
        assert_eq!(insertion_point(&["a", "c"], &"b", &declared), 1);
        assert_eq!(insertion_point(&["c", "d"], &"a", &declared), 0);
        // Group B of the decision: Khoa học và Công nghệ after the others.
        assert_eq!(insertion_point(&["d", "b", "e"], &"c", &declared), 2);
        assert_eq!(insertion_point::<&str>(&[], &"c", &declared), 0);
    }
}
