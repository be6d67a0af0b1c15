//! A stable insertion sort for the short lists the charts order (a few dozen items of the plan's
//! data), and a heapsort for numbers whose count an embedder controls (crossings of a boundary). The
//! standard library's sorts compile to several kilobytes for every element type and comparison they
//! are used with, which the `.wasm` would pay for on every call site; these compile to a few dozen
//! instructions each.

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

/// Sorts numbers in ascending total order (-0 before +0, NaN last) in O(n log n), for lists as long
/// as an embedder's data makes them: an insertion sort would freeze the page on a detailed boundary.
pub fn sort_numbers(values: &mut [f64]) {
    // Heapsort: build a max-heap, then move its top behind the heap one element at a time.
    fn sift_down(values: &mut [f64], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && values[child].total_cmp(&values[child + 1]).is_lt() {
                child += 1;
            }
            if values[root].total_cmp(&values[child]).is_ge() {
                return;
            }
            values.swap(root, child);
            root = child;
        }
    }
    let n = values.len();
    for root in (0..n / 2).rev() {
        sift_down(values, root, n);
    }
    for end in (1..n).rev() {
        values.swap(0, end);
        sift_down(values, 0, end);
    }
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

    #[test]
    fn numbers_sort_like_the_standard_sort_and_fast_on_long_lists() {
        let mut state = 99u32;
        for len in [0, 1, 2, 3, 10, 257, 200_000] {
            let mut values: Vec<f64> = (0..len)
                .map(|_| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (state >> 8) as f64 / 1e3 - 8000.0
                })
                .collect();
            values.extend([f64::NAN, -0.0, 0.0, f64::INFINITY, f64::NEG_INFINITY]);
            let mut expected = values.clone();
            expected.sort_by(f64::total_cmp);
            sort_numbers(&mut values);
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&values), bits(&expected), "{len}");
        }
    }
}
