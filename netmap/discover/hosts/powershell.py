"""The one fixed, read-only PowerShell script the Windows inventory runs (over WinRM, or over
SSH where Windows OpenSSH is enabled), and its -EncodedCommand form.

It prints one JSON document: ComputerSystem, BIOS, OperatingSystem, Processor, Disks,
Software (both Uninstall hives, 64- and 32-bit, plus the loaded user hives), Hotfixes and
Errors (one line per section that failed, so one failure loses nothing else). It runs on
Windows PowerShell 5.1 and PowerShell 7: CIM first, WMI where CIM is unavailable; dates are
written as ISO strings because 5.1's ConvertTo-Json writes "\\/Date(…)\\/"; every list is
wrapped in @() so a single item still serialises as an array.

Never Win32_Product: reading it makes Windows check every MSI package and repair the ones it
finds changed, which is a change on the host, and slow.
"""

from __future__ import annotations

import base64

INVENTORY_PS = r"""$ErrorActionPreference = 'Stop'
$o = [ordered]@{}; $e = @()
function C($c) { try { Get-CimInstance $c } catch { Get-WmiObject $c } }
try { $s = C Win32_ComputerSystem
  $o.ComputerSystem = @{Manufacturer = $s.Manufacturer; Model = $s.Model; Name = $s.Name
    Domain = $s.Domain; TotalPhysicalMemory = [string]$s.TotalPhysicalMemory
    NumberOfLogicalProcessors = $s.NumberOfLogicalProcessors} } catch { $e += "ComputerSystem: $_" }
try { $b = C Win32_BIOS
  $o.BIOS = @{SerialNumber = $b.SerialNumber; SMBIOSBIOSVersion = $b.SMBIOSBIOSVersion
    Manufacturer = $b.Manufacturer} } catch { $e += "BIOS: $_" }
try { $x = C Win32_OperatingSystem
  $o.OperatingSystem = @{Caption = $x.Caption; Version = $x.Version
    BuildNumber = $x.BuildNumber; OSArchitecture = $x.OSArchitecture} } catch { $e += "OS: $_" }
try { $o.Processor = @(C Win32_Processor | % { @{Name = $_.Name
    NumberOfCores = $_.NumberOfCores} }) } catch { $e += "Processor: $_" }
try { $o.Disks = @(C Win32_DiskDrive | % { @{Model = $_.Model; Size = [string]$_.Size
    MediaType = $_.MediaType} }) } catch { $e += "Disks: $_" }
$k = '\Microsoft\Windows\CurrentVersion\Uninstall\*'
$h = @(, @('HKLM64', "HKLM:\SOFTWARE$k")); $h += , @('HKLM32', "HKLM:\SOFTWARE\WOW6432Node$k")
try { Get-ChildItem Registry::HKEY_USERS -EA 0 | ? { $_.PSChildName -notlike '*_Classes' } |
  % { $h += , @('HKU', "Registry::$($_.Name)\Software$k") } } catch { $e += "Users: $_" }
$sw = @()
foreach ($p in $h) { try { Get-ItemProperty $p[1] -EA 0 |
  ? { $_.DisplayName -and $_.SystemComponent -ne 1 } |
  % { $sw += @{DisplayName = $_.DisplayName; DisplayVersion = $_.DisplayVersion
    Publisher = $_.Publisher; InstallDate = $_.InstallDate; Hive = $p[0]} }
} catch { $e += "Software $($p[0]): $_" } }
$o.Software = $sw
try { $o.Hotfixes = @(Get-HotFix | % { @{HotFixID = $_.HotFixID; Description = $_.Description
    InstalledOn = $(if ($_.InstalledOn) { $_.InstalledOn.ToString('o') })} })
} catch { $e += "Hotfixes: $_" }
$o.Errors = @($e | % { [string]$_ })
$o | ConvertTo-Json -Depth 4 -Compress
"""

# powershell.exe -EncodedCommand takes the script as base64 of UTF-16LE.
INVENTORY_PS_ENCODED = base64.b64encode(INVENTORY_PS.encode("utf-16-le")).decode("ascii")
SSH_COMMAND = f"powershell -NoProfile -NonInteractive -EncodedCommand {INVENTORY_PS_ENCODED}"
