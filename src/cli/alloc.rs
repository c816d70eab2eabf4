//! The global allocator of the command and of the benchmarks (which include this file by
//! path, so that they measure what the command runs): mimalloc, with each thread keeping a
//! few of the small blocks it frees for its next allocations of their size.

/// mimalloc, asked for an alignment only when a layout needs more than every block has.
/// (`mimalloc::MiMalloc` calls the aligned entry points for every layout, and their checks
/// cost about a tenth of a small allocation: 9 M of 998 M instructions on PolNeAR train's
/// text. Nearly every layout of the analysis has an alignment of 8 or less.)
pub struct Mi;

/// The alignment every block of `mi_malloc` has: its small blocks are whole machine words
/// (a 24-byte block is aligned to 8, not to 16, so 16 is not), larger ones are aligned
/// further.
const WORD: usize = std::mem::size_of::<usize>();

/// Whether `mi_malloc`'s alignment serves the layout.
fn plain(layout: std::alloc::Layout) -> bool {
    layout.align() <= WORD
}

/// The largest block a thread keeps for reuse, in bytes.
const SMALL: usize = 256;

/// The bytes a thread keeps in blocks of each size class, at most: 8 KB, 1,024 blocks of 8
/// bytes or 32 of 256 (256 KB a thread in all; a document's passing strings and short lists
/// come back from here, most of what its output frees goes back to mimalloc).
const KEPT_BYTES: usize = 8 << 10;

/// The blocks a thread keeps of each size class, at most.
const KEPT: [u32; SMALL / WORD] = {
    let mut kept = [0; SMALL / WORD];
    let mut c = 0;
    while c < kept.len() {
        kept[c] = (KEPT_BYTES / ((c + 1) * WORD)) as u32;
        c += 1;
    }
    kept
};

/// A thread's freed small blocks, by size class (sizes rounded up to a word: 8, 16, … 256
/// bytes), each class a stack linked through the blocks themselves.
struct Kept {
    head: [*mut u8; SMALL / WORD],
    count: [u32; SMALL / WORD],
}

thread_local! {
    /// This thread's kept blocks: a small block it frees is kept here, and its next
    /// allocation of that class takes it back, without mimalloc's free and allocation
    /// (which look its page up and test its thread). Blocks still kept when a thread ends
    /// are not freed (at most 256 KB a thread; the command's threads end with it).
    static KEPT_BLOCKS: std::cell::UnsafeCell<Kept> = const {
        std::cell::UnsafeCell::new(Kept {
            head: [std::ptr::null_mut(); SMALL / WORD],
            count: [0; SMALL / WORD],
        })
    };
}

/// The size class of a block that may be kept: none for one larger than [`SMALL`] or
/// aligned beyond a word. A block of a class has room for every size of it: mimalloc's
/// small blocks are whole words.
fn class(layout: std::alloc::Layout) -> Option<usize> {
    (layout.size() <= SMALL && plain(layout)).then(|| layout.size().saturating_sub(1) / WORD)
}

/// A kept block of class `c` taken back, or null when none is kept.
#[inline(always)]
fn take_kept(c: usize) -> *mut u8 {
    KEPT_BLOCKS.with(|k| {
        // SAFETY: the thread's own list, borrowed for this call only (nothing in it
        // allocates); a kept block holds the next one's address in its first word.
        unsafe {
            let k = &mut *k.get();
            let block = k.head[c];
            if !block.is_null() {
                k.head[c] = *block.cast::<*mut u8>();
                k.count[c] -= 1;
            }
            block
        }
    })
}

/// Keep the freed block `ptr` of class `c` for this thread's next allocation of the class:
/// false when the class holds its [`KEPT`] blocks already (the block goes back to mimalloc).
#[inline(always)]
fn keep(c: usize, ptr: *mut u8) -> bool {
    KEPT_BLOCKS.with(|k| {
        // SAFETY: as `take_kept`; the block is freed, at least a word long and aligned to one.
        unsafe {
            let k = &mut *k.get();
            if k.count[c] >= KEPT[c] {
                return false;
            }
            *ptr.cast::<*mut u8>() = k.head[c];
            k.head[c] = ptr;
            k.count[c] += 1;
            true
        }
    })
}

// SAFETY: every block comes from mimalloc and goes back to it (`mi_free` takes blocks of
// either entry point); a plain block is used only for a layout whose alignment it has.
unsafe impl std::alloc::GlobalAlloc for Mi {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        if let Some(c) = class(layout) {
            let kept = take_kept(c);
            if !kept.is_null() {
                return kept;
            }
        }
        // SAFETY: as the trait asks; the layout's size is not zero.
        unsafe {
            if plain(layout) {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: as `alloc`.
        unsafe {
            if plain(layout) {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        if let Some(c) = class(layout)
            && keep(c, ptr)
        {
            return;
        }
        // SAFETY: `ptr` came from this allocator.
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        use libmimalloc_sys as mi;
        let grown = std::alloc::Layout::from_size_align(new_size, layout.align());
        // SAFETY: `ptr` came from this allocator with `layout`; the new size is not zero.
        unsafe {
            if grown.is_ok_and(plain) {
                mi::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
            }
        }
    }
}

// mimalloc's `mi_option_set_default` (mimalloc.h): an option's value unless the environment
// sets it (`MIMALLOC_<NAME>`). Linked from the library `libmimalloc-sys` builds.
unsafe extern "C" {
    fn mi_option_set_default(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` in mimalloc 3's `mi_option_e` (the sixteenth option; mimalloc.h of
/// the `libmimalloc-sys` that Cargo.lock pins).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Give memory that a run no longer uses back to the system after 10 ms, not mimalloc 3's
/// default of a second: documents are read on one thread and freed on others, and with a
/// second's delay the freed pages of the last batches add up (peak memory on a 1 GB archive,
/// two threads: 61–66 MB with the default, 55 MB with this; CPU time the same within the
/// noise). `MIMALLOC_PURGE_DELAY` still overrides it. Call before the first thread starts.
// (the benchmarks include this file for the allocator alone)
#[allow(dead_code)]
pub fn purge_soon() {
    // SAFETY: sets an option's default value; mimalloc reads options at any time.
    unsafe { mi_option_set_default(MI_OPTION_PURGE_DELAY, 10) }
}

// (the benchmarks, which include this file, run none of its tests)
#[cfg(test)]
#[allow(dead_code, unused_imports)]
mod tests {
    use super::*;
    use std::alloc::{GlobalAlloc, Layout};

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn a_size_class_is_a_word_of_sizes() {
        assert_eq!(class(layout(1, 1)), Some(0));
        assert_eq!(class(layout(8, 8)), Some(0));
        assert_eq!(class(layout(9, 1)), Some(1));
        assert_eq!(class(layout(24, 8)), Some(2));
        assert_eq!(class(layout(25, 4)), Some(3));
        assert_eq!(class(layout(SMALL, 8)), Some(SMALL / WORD - 1));
        assert_eq!(class(layout(SMALL + 1, 1)), None);
        assert_eq!(class(layout(16, 16)), None);
        assert_eq!(KEPT[0], 1024);
        assert_eq!(KEPT[SMALL / WORD - 1], 32);
    }

    #[test]
    fn a_freed_small_block_serves_the_next_allocation_of_its_class() {
        // SAFETY: every block is allocated and freed with the layout it was made with, and
        // written only within it.
        unsafe {
            let a = Mi.alloc(layout(20, 4));
            a.write_bytes(7, 20);
            Mi.dealloc(a, layout(20, 4));
            // (another class does not take it; its own does, for any size of the class)
            let other = Mi.alloc(layout(40, 8));
            assert_ne!(other, a);
            let b = Mi.alloc(layout(24, 8));
            assert_eq!(b, a);
            b.write_bytes(1, 24);
            // (a kept block grows and shrinks through mimalloc with its contents)
            let grown = Mi.realloc(b, layout(24, 8), 4000);
            assert!((0..24).all(|i| *grown.add(i) == 1));
            grown.add(3999).write(9);
            Mi.dealloc(grown, layout(4000, 8));
            Mi.dealloc(other, layout(40, 8));
            // (an aligned or a large block is never kept)
            let big = Mi.alloc(layout(SMALL + 8, 8));
            Mi.dealloc(big, layout(SMALL + 8, 8));
            let wide = Mi.alloc(layout(32, 32));
            assert_eq!(wide as usize % 32, 0);
            Mi.dealloc(wide, layout(32, 32));
        }
    }

    #[test]
    fn a_thread_keeps_at_most_its_bytes_of_a_class() {
        let c = SMALL / WORD - 1;
        let l = layout(SMALL, 8);
        let count = || KEPT_BLOCKS.with(|k| unsafe { (*k.get()).count[c] });
        // SAFETY: as above.
        unsafe {
            let blocks: Vec<*mut u8> = (0..KEPT[c] + 8).map(|_| Mi.alloc(l)).collect();
            for &b in &blocks {
                Mi.dealloc(b, l);
            }
            assert_eq!(count(), KEPT[c]);
            // (the kept blocks are taken back, last freed first, then mimalloc serves)
            let again: Vec<*mut u8> = (0..KEPT[c] + 8).map(|_| Mi.alloc(l)).collect();
            assert_eq!(again[0], blocks[blocks.len() - 9]);
            assert_eq!(count(), 0);
            for b in again {
                Mi.dealloc(b, l);
            }
        }
    }
}
