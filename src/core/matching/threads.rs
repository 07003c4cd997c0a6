//! Scoring and checking on every core: the one place threads are made. Natively, work is
//! split across scoped threads; on wasm32 (the browser runs matching in a worker) it runs
//! on the calling thread.

use std::ops::Range;

/// How many threads to use for `rows` rows of work.
pub(crate) fn threads_for(rows: usize) -> usize {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = rows;
        1
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        if rows < 64 {
            return 1;
        }
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(rows / 32)
            .clamp(1, 16)
    }
}

/// Runs `f` on every job, each on its own thread (natively, when there are several); the
/// results in job order. A panic in a job is resumed on the calling thread.
fn each<J: Send, T: Send>(jobs: Vec<J>, f: impl Fn(J) -> T + Sync) -> Vec<T> {
    #[cfg(not(target_arch = "wasm32"))]
    if jobs.len() > 1 {
        return std::thread::scope(|s| {
            let handles: Vec<_> = jobs
                .into_iter()
                .map(|job| {
                    let f = &f;
                    s.spawn(move || f(job))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| match h.join() {
                    Ok(v) => v,
                    Err(e) => std::panic::resume_unwind(e),
                })
                .collect()
        });
    }
    jobs.into_iter().map(f).collect()
}

/// Runs `f` over `rows`, split into one range per thread; results in row order.
pub(crate) fn parallel<T: Send>(
    rows: Range<usize>,
    f: impl Fn(Range<usize>) -> T + Sync,
) -> Vec<T> {
    let threads = threads_for(rows.len());
    let per = rows.len().div_ceil(threads).max(1);
    let ranges: Vec<Range<usize>> = (0..threads)
        .map(|t| (rows.start + t * per).min(rows.end)..(rows.start + (t + 1) * per).min(rows.end))
        .collect();
    each(ranges, f)
}

/// Runs `f(row index, row)` on every row of `data` (rows of `width` bytes), the rows
/// split across threads.
pub(crate) fn for_rows_parallel<F>(data: &mut [u8], width: usize, f: F)
where
    F: Fn(usize, &mut [u8]) + Sync,
{
    let width = width.max(1);
    let rows = data.len() / width;
    let per = rows.div_ceil(threads_for(rows)).max(1);
    let chunks: Vec<(usize, &mut [u8])> = data
        .chunks_mut(per * width)
        .enumerate()
        .map(|(t, chunk)| (t * per, chunk))
        .collect();
    each(chunks, |(start, chunk)| {
        for (k, row) in chunk.chunks_mut(width).enumerate() {
            f(start + k, row);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_visited_once_in_order() {
        let sums = parallel(0..1000, |r| r.sum::<usize>());
        assert_eq!(sums.iter().sum::<usize>(), (0..1000usize).sum::<usize>());
        let mut data = vec![0u8; 300 * 4];
        for_rows_parallel(&mut data, 4, |i, row| row.fill((i % 251) as u8));
        for (i, row) in data.chunks(4).enumerate() {
            assert!(row.iter().all(|&b| b == (i % 251) as u8));
        }
    }
}
