/* C view of ncursesw for the TerminalNcurses target (the only importer). */
#define NCURSES_WIDECHAR 1 /* SwiftPM drops pkg-config's -D_XOPEN_SOURCE; without this no cchar_t */
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <curses.h>
#include <term.h>

/* Globals Swift 6 refuses to read directly ("not concurrency-safe"). */
static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline WINDOW *nc_curscr(void) { return curscr; }
static inline FILE *nc_stdout(void) { return stdout; }
static inline FILE *nc_stdin(void) { return stdin; }
static inline int nc_colors(void) { return COLORS; }
static inline int nc_color_pairs(void) { return COLOR_PAIRS; }

/* Attribute macros are not imported. */
static inline attr_t nc_a_normal(void) { return A_NORMAL; }
static inline attr_t nc_a_bold(void) { return A_BOLD; }
static inline attr_t nc_a_reverse(void) { return A_REVERSE; }
static inline attr_t nc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t nc_a_dim(void) { return A_DIM; }

/* Key and mouse macros. */
static inline int nc_key_f(int n) { return KEY_F(n); }
static inline mmask_t nc_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t nc_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t nc_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t nc_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t nc_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t nc_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t nc_button2_released(void) { return BUTTON2_RELEASED; }
static inline mmask_t nc_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t nc_button3_released(void) { return BUTTON3_RELEASED; }
static inline mmask_t nc_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t nc_button5_pressed(void) { return BUTTON5_PRESSED; }

/* True (1) when terminfo knows `term` and it can address the cursor ("cup").
   Loads the entry without touching the screen or printing, then frees it again. */
static inline int nc_terminal_has_cursor_addressing(const char *term) {
    int err = 0;
    TERMINAL *saved = cur_term;
    if (setupterm(term, 1, &err) != OK) { set_curterm(saved); return 0; }
    char *cup = tigetstr("cup");
    int ok = cup != NULL && cup != (char *)-1;
    del_curterm(cur_term);
    set_curterm(saved);
    return ok;
}

/* True (1) when the current terminal has an alternate screen ("smcup"); call after newterm. */
static inline int nc_has_alternate_screen(void) {
    char *smcup = tigetstr("smcup");
    return smcup != NULL && smcup != (char *)-1 && smcup[0] != '\0';
}

/* wcwidth is hidden behind _XOPEN_SOURCE in glibc's headers, which SwiftPM does not define. */
extern int wcwidth(wchar_t c);
static inline int nc_wcwidth(wchar_t c) { return wcwidth(c); }

/* nl_langinfo(CODESET) as a plain string (CODESET is a macro of an enum). */
static inline const char *nc_codeset(void) { return nl_langinfo(CODESET); }
