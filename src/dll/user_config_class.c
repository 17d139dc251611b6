/* The table of WTS_CONFIG_CLASS: kinds and ranges from Microsoft's
 * WTS_CONFIG_CLASS page; defaults as Windows gives a new account (README
 * "Beyond the docs").
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "user_config_class.h"

#define NUMBER_CLASS(name, def, max) { USER_CONFIG_NUMBER, L##name, (def), (max), 0, TRUE }
#define TEXT_CLASS(name, chars)      { USER_CONFIG_TEXT, L##name, 0, 0, (chars), TRUE }
#define NO_LIMIT 0xFFFFFFFFu

/* The longest callback number: CALLBACK_LENGTH (50) of winsta.h, the size
 * of CallbackNumber in the USERCONFIG structure of MS-TSTS that keeps
 * these settings on Windows. */
#define CALLBACK_CHARS 50

static const user_config_class_info classes[USER_CONFIG_CLASSES] = {
    [WTSUserConfigInitialProgram] = TEXT_CLASS("InitialProgram", MAX_PATH),
    [WTSUserConfigWorkingDirectory] = TEXT_CLASS("WorkingDirectory", MAX_PATH),
    /* 1: the client may name the initial program. */
    [WTSUserConfigfInheritInitialProgram] = NUMBER_CLASS("fInheritInitialProgram", 1, 1),
    /* 1: the user may log on. */
    [WTSUserConfigfAllowLogonTerminalServer] = NUMBER_CLASS("fAllowLogonTerminalServer", 1, 1),
    /* Milliseconds, 0: no limit. */
    [WTSUserConfigTimeoutSettingsConnections] = NUMBER_CLASS("TimeoutSettingsConnections", 0, NO_LIMIT),
    [WTSUserConfigTimeoutSettingsDisconnections] = NUMBER_CLASS("TimeoutSettingsDisconnections", 0, NO_LIMIT),
    [WTSUserConfigTimeoutSettingsIdle] = NUMBER_CLASS("TimeoutSettingsIdle", 0, NO_LIMIT),
    /* 1: client drives and printers are connected, the client's printer
     * is the default. */
    [WTSUserConfigfDeviceClientDrives] = NUMBER_CLASS("fDeviceClientDrives", 1, 1),
    [WTSUserConfigfDeviceClientPrinters] = NUMBER_CLASS("fDeviceClientPrinters", 1, 1),
    [WTSUserConfigfDeviceClientDefaultPrinter] = NUMBER_CLASS("fDeviceClientDefaultPrinter", 1, 1),
    /* 0: a broken or timed-out session is disconnected, not ended. */
    [WTSUserConfigBrokenTimeoutSettings] = NUMBER_CLASS("BrokenTimeoutSettings", 0, 1),
    /* 0: reconnect from any client. */
    [WTSUserConfigReconnectSettings] = NUMBER_CLASS("ReconnectSettings", 0, 1),
    /* 0: no callback; 2 is the largest value. */
    [WTSUserConfigModemCallbackSettings] = NUMBER_CLASS("ModemCallbackSettings", 0, 2),
    [WTSUserConfigModemCallbackPhoneNumber] = TEXT_CLASS("ModemCallbackPhoneNumber", CALLBACK_CHARS),
    /* 1: enable input, notify; 4 is the largest value. */
    [WTSUserConfigShadowingSettings] = NUMBER_CLASS("ShadowingSettings", 1, 4),
    [WTSUserConfigTerminalServerProfilePath] = TEXT_CLASS("TerminalServerProfilePath", MAX_PATH),
    [WTSUserConfigTerminalServerHomeDir] = TEXT_CLASS("TerminalServerHomeDir", MAX_PATH),
    [WTSUserConfigTerminalServerHomeDirDrive] = TEXT_CLASS("TerminalServerHomeDirDrive", WTS_DRIVE_LENGTH),
    /* Derived from the drive, and "cannot be used with WTSSetUserConfig"
     * (WTS_CONFIG_CLASS page). */
    [WTSUserConfigfTerminalServerRemoteHomeDir] = { USER_CONFIG_NUMBER, NULL, 0, 1, 0, FALSE },
    [WTSUserConfigUser] = { USER_CONFIG_STRUCT, NULL, 0, 0, 0, TRUE },
};

const user_config_class_info *user_config_class(WTS_CONFIG_CLASS cls)
{
    return (unsigned)cls < USER_CONFIG_CLASSES ? &classes[cls] : NULL;
}

void user_config_defaults(user_config_values *v)
{
    memset(v, 0, sizeof(*v));
    for (int i = 0; i < USER_CONFIG_CLASSES; i++)
        v->number[i] = classes[i].default_number;
    user_config_derive(v);
}

/* The home directory is a UNC path mapped to a drive when a drive is named,
 * a local path otherwise (WTS_CONFIG_CLASS page). */
void user_config_derive(user_config_values *v)
{
    v->number[WTSUserConfigfTerminalServerRemoteHomeDir] =
        v->text[WTSUserConfigTerminalServerHomeDirDrive][0] != 0;
}
