//! Browser storage of the program library (the only module that touches storage).
