/** The few values used last, most recently used first; a lookup that hits moves it to the front. */
export class RecentList<T> {
  private items: T[] = []

  constructor(private readonly size: number) {}

  find(matches: (item: T) => boolean): T | undefined {
    const at = this.items.findIndex(matches)
    if (at < 0) return undefined
    const hit = this.items[at] as T
    if (at > 0) this.items = [hit, ...this.items.slice(0, at), ...this.items.slice(at + 1)]
    return hit
  }

  add(item: T): T {
    this.items = [item, ...this.items].slice(0, this.size)
    return item
  }

  get latest(): T | undefined {
    return this.items[0]
  }
}
