//! Raw bytes of a file in blocks of whole records (cut by
//! [`record_boundary`], never inside quotes), so that each block can be
//! decoded and split on any thread. It reads; it does not decode or split.

use std::io::{self, Read};
use std::sync::Mutex;

use super::split::record_boundary;
use super::{BLOCK, Limit, MAX_FILE, MAX_RECORD};

/// Buffers of parsed blocks, for the next blocks: fresh memory costs page
/// faults. Shared by the threads that parse blocks.
#[derive(Default)]
pub struct Spare(Mutex<Vec<Vec<u8>>>);

impl Spare {
    pub fn put(&self, mut bytes: Vec<u8>) {
        bytes.clear();
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(bytes);
    }

    fn take(&self) -> Option<Vec<u8>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).pop()
    }
}

/// Raw bytes of a file in blocks of whole records.
pub struct Blocks {
    source: Box<dyn Read>,
    /// Read but not yet handed out; starts at a record.
    pub(super) carry: Vec<u8>,
    eof: bool,
    /// Bytes read so far, against [`MAX_FILE`].
    read: u64,
}

impl Blocks {
    pub fn new(source: Box<dyn Read>) -> Self {
        Blocks {
            source,
            carry: Vec::new(),
            eof: false,
            read: 0,
        }
    }

    /// True when every block has been handed out.
    pub fn done(&self) -> bool {
        self.eof && self.carry.is_empty()
    }

    /// The next block: the whole records among the next [`BLOCK`] bytes
    /// (more when one record is longer, up to [`MAX_RECORD`]). None at the
    /// end of the file. A record or file beyond its limit is an error
    /// ([`Limit`]).
    pub fn next(&mut self, spare: &Spare) -> io::Result<Option<Vec<u8>>> {
        loop {
            while !self.eof && self.carry.len() < BLOCK {
                self.eof = self.read_more(BLOCK)?;
            }
            if self.carry.is_empty() {
                return Ok(None);
            }
            let cut = if self.eof {
                Some(self.carry.len())
            } else {
                record_boundary(&self.carry)
            };
            match cut {
                Some(cut) => {
                    let mut rest = spare
                        .take()
                        .unwrap_or_else(|| Vec::with_capacity(BLOCK + BLOCK / 2));
                    rest.extend_from_slice(&self.carry[cut..]);
                    self.carry.truncate(cut);
                    return Ok(Some(std::mem::replace(&mut self.carry, rest)));
                }
                // One record longer than a block: read on.
                None if self.carry.len() > MAX_RECORD => return Err(Limit::Record.error()),
                None => {
                    let more = self.carry.len() + BLOCK;
                    self.eof = self.read_more(more)?;
                }
            }
        }
    }
}

impl Blocks {
    /// [`read_more`] into `carry`, counting against [`MAX_FILE`]: true at
    /// the end of the file.
    fn read_more(&mut self, upto: usize) -> io::Result<bool> {
        let read = read_more(&mut self.source, &mut self.carry, upto)?;
        self.read += read as u64;
        if self.read > MAX_FILE {
            return Err(Limit::File.error());
        }
        Ok(read == 0)
    }
}

/// Reads from `source` onto the end of `buf` until it holds `upto` bytes
/// (at least one more) or the source ends; the number of bytes read (0 at
/// the end). Reads into spare capacity: nothing is zeroed first.
fn read_more(source: &mut dyn Read, buf: &mut Vec<u8>, upto: usize) -> io::Result<usize> {
    let want = upto.saturating_sub(buf.len()).max(1);
    buf.reserve(want);
    source.take(want as u64).read_to_end(buf)
}
