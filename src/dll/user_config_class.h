/* What each WTS_CONFIG_CLASS holds: a number, a text or the WTSUSERCONFIG
 * structure; its default, its documented range, and the registry value
 * that keeps it (user_config_store.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_USER_CONFIG_CLASS_H
#define OPENWTS_USER_CONFIG_CLASS_H

#include "frontend.h"

#define USER_CONFIG_CLASSES  (WTSUserConfigUser + 1)
#define USER_CONFIG_TEXT_MAX MAX_PATH /* the longest text of any class, without the NUL */

typedef enum user_config_kind {
    USER_CONFIG_NUMBER,
    USER_CONFIG_TEXT,
    USER_CONFIG_STRUCT, /* WTSUserConfigUser */
} user_config_kind;

typedef struct user_config_class_info {
    user_config_kind kind;
    const WCHAR *value_name; /* NULL: not stored (derived, or the structure) */
    DWORD default_number;
    DWORD max_number;        /* numbers: the largest documented value */
    DWORD max_chars;         /* texts: the most characters, without the NUL */
    BOOL settable;           /* WTSSetUserConfig accepts the class */
} user_config_class_info;

/* The class's description, NULL for a value outside WTS_CONFIG_CLASS. */
const user_config_class_info *user_config_class(WTS_CONFIG_CLASS cls);

/* Every class's value for one account, indexed by class. The structure
 * class has no slot of its own: it is made of the others. */
typedef struct user_config_values {
    DWORD number[USER_CONFIG_CLASSES];
    WCHAR text[USER_CONFIG_CLASSES][USER_CONFIG_TEXT_MAX + 1];
} user_config_values;

/* What an account holds where nothing was set (README "Beyond the docs"). */
void user_config_defaults(user_config_values *v);

/* Fills in the classes derived from others; after loading or changing v. */
void user_config_derive(user_config_values *v);

#endif
