// Stand-in for Odoo's `@web/core/registry` in the component tests: categories are plain maps.
interface Entry {
  value: unknown;
  sequence: number;
}

class Category {
  private readonly entries = new Map<string, Entry>();

  add(key: string, value: unknown, options: { sequence?: number; force?: boolean } = {}): this {
    if (this.entries.has(key) && !options.force) {
      throw new Error(`Cannot add '${key}': it is already in the registry`);
    }
    this.entries.set(key, { value, sequence: options.sequence ?? 50 });
    return this;
  }

  get(key: string, defaultValue?: unknown): unknown {
    if (this.entries.has(key)) {
      return this.entries.get(key)!.value;
    }
    if (arguments.length > 1) {
      return defaultValue;
    }
    throw new Error(`Cannot find '${key}' in the registry`);
  }

  contains(key: string): boolean {
    return this.entries.has(key);
  }

  getAll(): unknown[] {
    return [...this.entries.values()].sort((a, b) => a.sequence - b.sequence).map((entry) => entry.value);
  }

  remove(key: string): void {
    this.entries.delete(key);
  }
}

const categories = new Map<string, Category>();

export const registry = {
  category(name: string): Category {
    let category = categories.get(name);
    if (!category) {
      category = new Category();
      categories.set(name, category);
    }
    return category;
  },
};
