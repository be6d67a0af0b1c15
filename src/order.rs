//! A stable insertion sort for the short lists the charts order (a few dozen items, at most a few
//! hundred polygon crossings). The standard library's sorts compile to several kilobytes for every
//! element type and comparison they are used with, which the `.wasm` would pay for on every call site;
//! this one compiles to a few dozen instructions each.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for unsorted in 1..items.len() {
        let mut i = unsorted;
        while i > 0 && compare(&items[i - 1], &items[i]) == Ordering::Greater {
            items.swap(i - 1, i);
            i -= 1;
        }
    }
}

/// Sorts `items` by the key `key` gives each, keeping items with equal keys in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in ascending order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_ascending_and_keeps_equal_items_in_order() {
        let mut items = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut items, |item| item.0);
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn agrees_with_the_standard_stable_sort_on_many_lists() {
        // A small linear congruential generator gives repeatable lists with many equal keys.
        let mut state = 12345u32;
        for len in 0..60 {
            let mut list: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((state >> 16) % 7, i)
                })
                .collect();
            let mut expected = list.clone();
            expected.sort_by_key(|item| item.0);
            sort_by(&mut list, |a, b| a.0.cmp(&b.0));
            assert_eq!(list, expected);
        }
    }

    #[test]
    fn sorts_floats_by_total_order() {
        let mut values = [2.5, -1.0, 0.0, 10.0, -1.0];
        sort_by(&mut values, f64::total_cmp);
        assert_eq!(values, [-1.0, -1.0, 0.0, 2.5, 10.0]);
    }
}
