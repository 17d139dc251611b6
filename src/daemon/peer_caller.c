/* The Caller handed to the dispatcher for a connection's peer: the user
 * name the backend compares session owners with, and whether the peer is
 * an administrator (root, or a member of the configured group, as
 * Windows' Administrators have full control of every session).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "openwts/backend.h"
#include "openwts/utf8.h"
#include "peer.h"

#define MAX_GROUPS 65536

/* Whether account `pw` is in group `group` (as its primary group or as a
 * supplementary one), by the group database as it is now. */
static bool in_group(const struct passwd *pw, const char *group)
{
    if (!group || !*group)
        return false;
    struct group *gr = getgrnam(group);
    if (!gr)
        return false;
    gid_t want = gr->gr_gid;
    if (pw->pw_gid == want)
        return true;
    int n = 64;
    gid_t *groups = NULL;
    for (;;) {
        gid_t *bigger = realloc(groups, (size_t)n * sizeof(*groups));
        if (!bigger)
            break;
        groups = bigger;
        int count = n;
        if (getgrouplist(pw->pw_name, pw->pw_gid, groups, &count) >= 0) {
            for (int i = 0; i < count; i++) {
                if (groups[i] == want) {
                    free(groups);
                    return true;
                }
            }
            break;
        }
        if (count <= n || count > MAX_GROUPS)
            break;
        n = count;
    }
    free(groups);
    return false;
}

static void set_user(openwts_Caller *c, const char *name)
{
    openwts_utf8_copy(c->user, sizeof(c->user), name);
}

bool wtsd_caller_for_uid(uid_t uid, pid_t pid, const char *admin_group, openwts_Caller *c)
{
    memset(c, 0, sizeof(*c));
    c->session_id = OPENWTS_CURRENT_SESSION;
    c->process_id = pid > 0 ? (uint32_t)pid : 0;
    struct passwd *pw = getpwuid(uid);
    if (pw) {
        set_user(c, pw->pw_name);
        c->privileged = uid == 0 || in_group(pw, admin_group);
    } else {
        char number[24];
        snprintf(number, sizeof(number), "%lu", (unsigned long)uid);
        set_user(c, number);
        c->privileged = uid == 0;
    }
    return true;
}

bool wtsd_caller_for_name(const char *name, const char *admin_group, openwts_Caller *c)
{
    memset(c, 0, sizeof(*c));
    c->session_id = OPENWTS_CURRENT_SESSION;
    if (!name || !*name)
        return false;
    set_user(c, name);
    struct passwd *pw = getpwnam(name);
    c->privileged = pw && (pw->pw_uid == 0 || in_group(pw, admin_group));
    return true;
}
