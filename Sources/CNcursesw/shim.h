#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <curses.h>
#include <term.h>
