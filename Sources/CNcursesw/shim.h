// ncurses with wide characters. _XOPEN_SOURCE_EXTENDED must come first so the wide functions (get_wch,
// mvaddnwstr) are declared; the small inline functions stand in for macros that Swift cannot import.
#ifndef LOB_CNCURSESW_SHIM_H
#define LOB_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

static inline int lob_attr_bold(void) { return A_BOLD; }
static inline int lob_attr_reverse(void) { return A_REVERSE; }
static inline int lob_attr_underline(void) { return A_UNDERLINE; }
static inline int lob_attr_dim(void) { return A_DIM; }
static inline int lob_color_pair(int pair) { return COLOR_PAIR(pair); }
static inline int lob_set_attributes(int attributes) { return attrset(attributes); }
static inline int lob_key_code_yes(void) { return KEY_CODE_YES; }
// stdscr is a global variable, which Swift 6 will not read from a non-isolated context.
static inline int lob_width(void) { return getmaxx(stdscr); }
static inline int lob_height(void) { return getmaxy(stdscr); }
static inline int lob_keypad(void) { return keypad(stdscr, TRUE); }

#endif
