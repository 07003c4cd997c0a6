//! The geometry of a relationship's sentiment chart (the page draws it as SVG).

use crate::core::date::Date;

/// The chart's width, in SVG units.
pub const WIDTH: f64 = 240.0;
/// The chart's height, in SVG units.
pub const HEIGHT: f64 = 56.0;
/// The margin around the plot.
pub const PAD: f64 = 6.0;

/// The chart's points in SVG coordinates: x by date (evenly spread when all are on one
/// day), y from 5 (top) to 1 (bottom).
pub fn coordinates(points: &[(Date, u8)]) -> Vec<(f64, f64)> {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return Vec::new();
    };
    let span = first.0.days_until(last.0) as f64;
    points
        .iter()
        .enumerate()
        .map(|(k, (d, r))| {
            let t = if span > 0.0 {
                first.0.days_until(*d) as f64 / span
            } else if points.len() > 1 {
                k as f64 / (points.len() - 1) as f64
            } else {
                0.5
            };
            let x = PAD + t * (WIDTH - 2.0 * PAD);
            let y = PAD + (5.0 - f64::from(*r)) / 4.0 * (HEIGHT - 2.0 * PAD);
            (x, y)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn points_spread_by_date_with_five_at_the_top() {
        let xy = coordinates(&[(d("2027-01-01"), 5), (d("2027-01-11"), 1)]);
        assert_eq!(xy[0], (PAD, PAD));
        assert_eq!(xy[1], (WIDTH - PAD, HEIGHT - PAD));
        assert_eq!(
            coordinates(&[(d("2027-01-01"), 3)]),
            [(WIDTH / 2.0, HEIGHT / 2.0)]
        );
    }
}
