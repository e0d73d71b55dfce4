"""The one fixed, read-only PowerShell script the Windows inventory runs (over WinRM, or over
SSH where Windows OpenSSH is enabled), and its -EncodedCommand form.

It prints one JSON document on one line:

    {"ComputerSystem": {Manufacturer, Model, Name, Domain, TotalPhysicalMemory,
                        NumberOfLogicalProcessors},
     "BIOS": {SerialNumber, SMBIOSBIOSVersion, Manufacturer},
     "OperatingSystem": {Caption, Version, BuildNumber, OSArchitecture,
                         InstallDate (ISO 8601), LastBootUpTime (ISO 8601)},
     "Processor": [{Name, NumberOfCores, NumberOfLogicalProcessors}, ...],
     "Disks": [{Model, Size, MediaType, InterfaceType}, ...],
     "Software": [{DisplayName, DisplayVersion, Publisher, InstallDate (yyyymmdd as stored),
                   Hive ("HKLM64" | "HKLM32" | "HKU")}, ...],
     "Hotfixes": [{HotFixID, Description, InstalledOn (ISO 8601 or null)}, ...],
     "Errors": ["<section>: <message>", ...]}

A section that fails is missing from the document and has one line in Errors: each runs in
its own try/catch (the function S), with $ErrorActionPreference = 'Stop' only there so that a
non-terminating error is caught instead of printed. List sections are arrays even with one item
(-a). Registry reads use -ErrorAction SilentlyContinue: an unreadable key or user hive is
skipped, not a failure.

Compatibility: Windows PowerShell 5.1 and PowerShell 7. CIM first; Get-WmiObject only where
the CIM cmdlets do not exist (they are gone from 7, missing from restricted hosts). Dates are
written as ISO strings because 5.1's ConvertTo-Json writes "\\/Date(ms)\\/". Non-ASCII
characters are written as \\uXXXX escapes: a Windows OpenSSH session writes stdout through the
console's OEM code page, which would mangle them; escaped, the output is plain ASCII whatever
the code page (the parser in netmap/infer/hosts/windows.py reads both forms).

Never Win32_Product: reading it makes the Windows Installer check every MSI package and
*repair* any it finds changed (Event ID 1035 per product), which is a change on the host and
can take minutes. The Uninstall registry keys are what "Apps & features" itself lists.
"""

from __future__ import annotations

import base64

# Helpers: S runs one section (errors caught, -a keeps a list a list); W reads a CIM class,
# falling back to WMI only when the CIM cmdlets are missing; D writes a date as ISO 8601
# (a WMI date is a DMTF string, a CIM date a DateTime); U reads one Uninstall key.
INVENTORY_PS = r"""$ProgressPreference = 'SilentlyContinue'
$o = [ordered]@{}; $e = [Collections.ArrayList]@()
function S($n, $b, [switch]$a) {
  try { $ErrorActionPreference = 'Stop'; $r = @(& $b)
    if ($a) { $o[$n] = $r } else { $o[$n] = $r[0] } }
  catch { [void]$e.Add("${n}: $($_.Exception.Message)") } }
function W($c, $p) {
  try { $i = Get-CimInstance $c }
  catch [Management.Automation.CommandNotFoundException] { $i = Get-WmiObject $c }
  $i | Select-Object -Property $p }
function D($d) {
  if ($d -is [string] -and $d) { $d = [Management.ManagementDateTimeConverter]::ToDateTime($d) }
  if ($d) { $d.ToString('o') } }
function U($h, $r) {
  Get-ItemProperty "$r\Microsoft\Windows\CurrentVersion\Uninstall\*" -ErrorAction SilentlyContinue |
    Where-Object { $_.DisplayName -and $_.SystemComponent -ne 1 } |
    Select-Object -Property @('DisplayName', 'DisplayVersion', 'Publisher', 'InstallDate',
      @{n = 'Hive'; e = { $h } }) }
S ComputerSystem { W Win32_ComputerSystem @('Manufacturer', 'Model', 'Name', 'Domain',
  'TotalPhysicalMemory', 'NumberOfLogicalProcessors') }
S BIOS { W Win32_BIOS @('SerialNumber', 'SMBIOSBIOSVersion', 'Manufacturer') }
S OperatingSystem { W Win32_OperatingSystem @('Caption', 'Version', 'BuildNumber',
  'OSArchitecture', @{n = 'InstallDate'; e = { D $_.InstallDate } },
  @{n = 'LastBootUpTime'; e = { D $_.LastBootUpTime } }) }
S Processor { W Win32_Processor @('Name', 'NumberOfCores', 'NumberOfLogicalProcessors') } -a
S Disks { W Win32_DiskDrive @('Model', 'Size', 'MediaType', 'InterfaceType') } -a
S Software {
  U HKLM64 'HKLM:\SOFTWARE'
  U HKLM32 'HKLM:\SOFTWARE\WOW6432Node'
  Get-ChildItem Registry::HKEY_USERS -ErrorAction SilentlyContinue |
    Where-Object { $_.PSChildName -notlike '*_Classes' } |
    ForEach-Object { U HKU "Registry::$($_.Name)\Software" } } -a
S Hotfixes { Get-HotFix | Select-Object -Property @('HotFixID', 'Description',
  @{n = 'InstalledOn'; e = { try { D $_.InstalledOn } catch { $null } } }) } -a
$o.Errors = @($e)
$j = ConvertTo-Json -InputObject $o -Depth 4 -Compress
try { [regex]::Replace($j, '[^\x00-\x7F]', { '\u{0:x4}' -f [int][char]$args[0].Value }) }
catch { $j }
"""

# powershell.exe -EncodedCommand takes the script as base64 of UTF-16LE; the whole command line
# must stay under cmd.exe's 8191 characters (Windows OpenSSH's default shell is cmd.exe).
INVENTORY_PS_ENCODED = base64.b64encode(INVENTORY_PS.encode("utf-16-le")).decode("ascii")
SSH_COMMAND = f"powershell -NoProfile -NonInteractive -EncodedCommand {INVENTORY_PS_ENCODED}"
