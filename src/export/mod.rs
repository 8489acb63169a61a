//! Exports of the graph JSON into other formats.
