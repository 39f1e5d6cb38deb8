import { readFileSync } from 'node:fs'
import { uptime } from 'node:os'

/**
 * Identifies this boot, so a pid reused after a reboot is not mistaken for the holder: the
 * kernel's boot id on Linux; elsewhere the boot time, rounded to a minute (it drifts by a
 * second or so between readings).
 */
export function currentBootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
  } catch {
    const bootedAt = Math.round((Date.now() / 1000 - uptime()) / 60)
    return `booted-${bootedAt}`
  }
}

/** Whether two boot ids name one boot; boot times read a minute apart still do. */
export function isSameBoot(a: string, b: string): boolean {
  if (a === b) return true
  const minutes = (id: string): number | undefined =>
    /^booted-(-?\d+)$/.test(id) ? Number(id.slice(7)) : undefined
  const [x, y] = [minutes(a), minutes(b)]
  return x !== undefined && y !== undefined && Math.abs(x - y) <= 2
}

/**
 * When process `pid` started, in the kernel's clock ticks since boot (Linux), or undefined
 * where that cannot be read. A live pid whose start time differs from the recorded one is a
 * reused pid, not the holder.
 */
export function processStartTicks(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count from its end.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return fields[19]
  } catch {
    return undefined
  }
}

/** Whether process `pid` exists (EPERM: it does, but belongs to someone else). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
