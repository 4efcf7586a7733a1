//! Disclosure control (METHOD.md §Disclosure control): which groups of a table may be
//! published so that nothing about fewer than [`MIN_GROUP`] people is shown, and nothing
//! about fewer than that follows by adding and subtracting what is shown.
//!
//! A table is described by its *atoms*: the smallest sets of people it distinguishes
//! (for two breakdowns, each pair of a member type and a Competence Area, plus those
//! who gave neither). A published group is a union of atoms, and the total of everyone
//! is always published. Adding and subtracting published sums gives exactly the sums
//! over the vectors in the span of the published groups' indicator vectors; a set of
//! 1–4 people is given away when its indicator lies in that span. [`publishable`]
//! checks that exactly, and hides groups until no such set is left.

/// No figure is published about fewer people than this.
pub const MIN_GROUP: usize = 5;

/// Which `groups` (each a list of atom indices) may be published, given how many people
/// each atom holds: groups under [`MIN_GROUP`] are not, nor anything when the total is
/// under it; then, while some set of 1–4 people follows from the published groups and
/// the total, the smallest published group that the subtraction uses is hidden too
/// (complementary suppression). Deterministic: ties hide the later group.
pub fn publishable(atom_sizes: &[usize], groups: &[Vec<usize>]) -> Vec<bool> {
    let total: usize = atom_sizes.iter().sum();
    let size = |g: &[usize]| g.iter().map(|&a| atom_sizes.get(a).copied().unwrap_or(0)).sum::<usize>();
    let mut shown: Vec<bool> = groups.iter().map(|g| total >= MIN_GROUP && size(g) >= MIN_GROUP).collect();
    while let Some(used) = given_away(atom_sizes, groups, &shown) {
        let victim = used.into_iter().filter(|&g| g < groups.len()).min_by_key(|&g| (size(&groups[g]), std::cmp::Reverse(g)));
        match victim {
            Some(g) => shown[g] = false,
            // Only the total is used: it cannot give away fewer than five on its own, so
            // this is unreachable; hiding everything is the safe answer all the same.
            None => shown.iter_mut().for_each(|s| *s = false),
        }
    }
    shown
}

/// A set of 1–4 people whose sum follows from the published groups: the published
/// groups (indices; `groups.len()` is the total) its subtraction uses. `None` when
/// there is none.
fn given_away(atom_sizes: &[usize], groups: &[Vec<usize>], shown: &[bool]) -> Option<Vec<usize>> {
    // Empty atoms change no sum: leave them out.
    let atoms: Vec<usize> = (0..atom_sizes.len()).filter(|&a| atom_sizes[a] > 0).collect();
    let column = |atom: usize| atoms.iter().position(|&a| a == atom);
    let mut published: Vec<(usize, Vec<f64>)> = Vec::new();
    for (g, atoms_of) in groups.iter().enumerate().filter(|(g, _)| shown[*g]) {
        let mut v = vec![0.0; atoms.len()];
        atoms_of.iter().filter_map(|&a| column(a)).for_each(|c| v[c] = 1.0);
        published.push((g, v));
    }
    if atom_sizes.iter().sum::<usize>() >= MIN_GROUP {
        published.push((groups.len(), vec![1.0; atoms.len()]));
    }
    let basis = Echelon::of(&published, atoms.len());
    let sizes: Vec<usize> = atoms.iter().map(|&a| atom_sizes[a]).collect();
    basis.small_set(&sizes).map(|combination| combination.into_iter().map(|k| published[k].0).collect())
}

/// Published vectors in reduced row echelon form, each row remembering which published
/// vectors it is made of.
struct Echelon {
    /// (pivot column, row, coefficient of each published vector)
    rows: Vec<(usize, Vec<f64>, Vec<f64>)>,
}

const EPS: f64 = 1e-9;

impl Echelon {
    fn of(published: &[(usize, Vec<f64>)], width: usize) -> Echelon {
        let mut rows: Vec<(Vec<f64>, Vec<f64>)> = published
            .iter()
            .enumerate()
            .map(|(k, (_, v))| {
                let mut c = vec![0.0; published.len()];
                c[k] = 1.0;
                (v.clone(), c)
            })
            .collect();
        let mut done: Vec<(usize, Vec<f64>, Vec<f64>)> = Vec::new();
        for col in 0..width {
            let Some(p) = rows.iter().position(|(v, _)| v[col].abs() > EPS) else { continue };
            let (mut v, mut c) = rows.swap_remove(p);
            let scale = v[col];
            v.iter_mut().for_each(|x| *x /= scale);
            c.iter_mut().for_each(|x| *x /= scale);
            let eliminate = |(w, d): (&mut Vec<f64>, &mut Vec<f64>)| {
                let f = w[col];
                if f.abs() > EPS {
                    w.iter_mut().zip(&v).for_each(|(x, y)| *x -= f * y);
                    d.iter_mut().zip(&c).for_each(|(x, y)| *x -= f * y);
                }
            };
            rows.iter_mut().for_each(|(w, d)| eliminate((w, d)));
            done.iter_mut().for_each(|(_, w, d)| eliminate((w, d)));
            done.push((col, v, c));
        }
        Echelon { rows: done }
    }

    /// A 0/1 vector of the span whose people number 1–4, as the published vectors (with
    /// non-zero coefficient) that make it. A vector of the span is the sum of its values
    /// at the pivots times the rows, so trying every choice of at most four pivots
    /// holding at most four people between them finds every such set.
    fn small_set(&self, sizes: &[usize]) -> Option<Vec<usize>> {
        let candidates: Vec<usize> = (0..self.rows.len()).filter(|&r| sizes[self.rows[r].0] < MIN_GROUP).collect();
        let mut chosen = Vec::new();
        self.search(sizes, &candidates, 0, 0, &mut chosen)
    }

    fn search(&self, sizes: &[usize], candidates: &[usize], from: usize, people: usize, chosen: &mut Vec<usize>) -> Option<Vec<usize>> {
        if !chosen.is_empty() {
            if let Some(found) = self.check(sizes, chosen) {
                return Some(found);
            }
        }
        for i in from..candidates.len() {
            let r = candidates[i];
            let more = people + sizes[self.rows[r].0];
            if more >= MIN_GROUP {
                continue;
            }
            chosen.push(r);
            let found = self.search(sizes, candidates, i + 1, more, chosen);
            chosen.pop();
            if found.is_some() {
                return found;
            }
        }
        None
    }

    /// Whether the sum of the chosen rows is a 0/1 vector over 1–4 people; if so, the
    /// published vectors it uses.
    fn check(&self, sizes: &[usize], chosen: &[usize]) -> Option<Vec<usize>> {
        let width = sizes.len();
        let mut x = vec![0.0; width];
        let mut combination = vec![0.0; self.rows.first().map_or(0, |r| r.2.len())];
        for &r in chosen {
            let (_, v, c) = &self.rows[r];
            x.iter_mut().zip(v).for_each(|(a, b)| *a += b);
            combination.iter_mut().zip(c).for_each(|(a, b)| *a += b);
        }
        let binary = x.iter().all(|v| v.abs() < EPS || (v - 1.0).abs() < EPS);
        let people: usize = x.iter().zip(sizes).filter(|(v, _)| **v > 0.5).map(|(_, s)| s).sum();
        (binary && (1..MIN_GROUP).contains(&people)).then(|| (0..combination.len()).filter(|&k| combination[k].abs() > EPS).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// METHOD.md §Disclosure control, worked example: six small companies and one
    /// start-up. The start-up's group is too small, and since the total is published,
    /// the small companies' group would give the start-up away: it is hidden too.
    #[test]
    fn one_member_in_a_group_hides_its_sibling() {
        assert_eq!(publishable(&[6, 1], &[vec![0], vec![1]]), vec![false, false]);
        // With a third group of 5 the remainder is 1 again: the smallest shown is hidden.
        assert_eq!(publishable(&[6, 1, 5], &[vec![0], vec![1], vec![2]]), vec![true, false, false]);
        // Two small groups of 3 and 2 hide nothing else: together they are 5.
        assert_eq!(publishable(&[6, 3, 2], &[vec![0], vec![1], vec![2]]), vec![true, false, false]);
    }

    /// Two breakdowns over the same people: type A (6) lies inside area X (8), so area
    /// X minus type A gives away the 2 others of area X, which no single family shows.
    #[test]
    fn crossing_breakdowns_are_checked_too() {
        // atoms: (A, X) 6, (B, X) 2, (B, Y) 7
        let sizes = [6, 2, 7];
        let groups = [vec![0], vec![1, 2], vec![0, 1], vec![2]];
        let shown = publishable(&sizes, &groups);
        assert_ne!(shown, vec![true; 4]);
        assert!(given_away(&sizes, &groups, &shown).is_none());
    }

    #[test]
    fn nothing_when_the_total_is_under_five() {
        assert_eq!(publishable(&[2, 2], &[vec![0], vec![1]]), vec![false, false]);
        assert_eq!(publishable(&[5, 5], &[vec![0], vec![1]]), vec![true, true]);
        assert_eq!(publishable(&[], &[]), Vec::<bool>::new());
    }
}
