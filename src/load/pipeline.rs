//! Parses the blocks of a file on rayon's thread pool (the one pool of the
//! program) and hands the results over strictly in file order, so that "the
//! later row wins" and every diagnostic come out exactly as a sequential
//! reader's would.
//!
//! The calling thread reads blocks and applies results while the pool
//! parses; only [`IN_FLIGHT`] blocks are read ahead of the one being
//! applied, so memory does not grow with the file. Called on a pool thread
//! it parses on that thread instead, since it blocks while waiting. It
//! knows nothing of what a block holds.

use std::collections::BTreeMap;
use std::io;
use std::sync::mpsc;

use crate::load::csv::{Blocks, Chunk, Encoding, Spare};

/// Blocks read ahead of the one being applied.
const IN_FLIGHT: usize = 6;

/// Reads every block of `blocks`, decodes it (as `decode`) and gives it to `parse`, and
/// hands each result to `apply` in file order. Stops after a result `stop`
/// says ends the file. Parses on the pool when `parallel` and the file is
/// more than one block.
pub fn parse_in_order<T: Send>(
    mut blocks: Blocks,
    parallel: bool,
    decode: Encoding,
    parse: impl Fn(&Chunk) -> T + Sync,
    stop: impl Fn(&T) -> bool,
    mut apply: impl FnMut(T),
) -> io::Result<()> {
    let spare = Spare::default();
    let work = |bytes: Vec<u8>| {
        let chunk = Chunk::decode(bytes, decode);
        let parsed = parse(&chunk);
        spare.put(chunk.into_bytes());
        parsed
    };
    let Some(first) = blocks.next(&spare)? else {
        return Ok(());
    };
    // On a pool thread, waiting for the pool could leave it without workers.
    let on_pool = rayon::current_thread_index().is_some();
    if blocks.done() || !parallel || on_pool || rayon::current_num_threads() < 2 {
        // Files of one block (or one core): no hand-over.
        let mut block = Some(first);
        while let Some(bytes) = block {
            let parsed = work(bytes);
            let end = stop(&parsed);
            apply(parsed);
            if end {
                break;
            }
            block = blocks.next(&spare)?;
        }
        return Ok(());
    }

    rayon::in_place_scope(|scope| {
        let (done_tx, done_rx) = mpsc::channel::<(usize, T)>();
        let (mut sent, mut applied, mut stopped) = (0usize, 0usize, false);
        let mut pending: BTreeMap<usize, T> = BTreeMap::new();
        let mut take_in = |(index, parsed): (usize, T), applied: &mut usize, stopped: &mut bool| {
            pending.insert(index, parsed);
            while let Some(parsed) = pending.remove(applied) {
                *applied += 1;
                if !*stopped {
                    *stopped = stop(&parsed);
                    apply(parsed);
                }
            }
        };
        let mut block = Some(first);
        let mut result = Ok(());
        while let Some(bytes) = block.take() {
            let (index, done_tx, work) = (sent, done_tx.clone(), &work);
            scope.spawn(move |_| {
                // The receiver outlives the scope's tasks: a send cannot fail.
                let _ = done_tx.send((index, work(bytes)));
            });
            sent += 1;
            // Take in what is done; wait while too many blocks are in flight.
            loop {
                let done = match done_rx.try_recv() {
                    Ok(done) => done,
                    Err(_) if sent - applied < IN_FLIGHT => break,
                    Err(_) => match done_rx.recv() {
                        Ok(done) => done,
                        Err(_) => break,
                    },
                };
                take_in(done, &mut applied, &mut stopped);
            }
            if stopped {
                break;
            }
            match blocks.next(&spare) {
                Ok(next) => block = next,
                Err(e) => result = Err(e),
            }
        }
        while applied < sent {
            let Ok(done) = done_rx.recv() else { break };
            take_in(done, &mut applied, &mut stopped);
        }
        result
    })
}
