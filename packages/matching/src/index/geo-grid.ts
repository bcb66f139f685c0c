/**
 * Buckets points on a lat/lon grid so that "everything within R km" visits only
 * nearby cells instead of every offer. Cells are ~11 km tall; only a prefilter:
 * the caller still checks exact haversine distance.
 */
const CELL_DEGREES_LAT = 0.1;
const CELL_DEGREES_LON = 0.15;
const KM_PER_DEGREE_LAT = 111.2;

function cellKey(row: number, col: number): number {
  return (row + 2000) * 10_000 + (col + 5000);
}

export class GeoGrid {
  private readonly cells = new Map<number, number[]>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(slot: number, lat: number, lon: number): void {
    const key = cellKey(Math.floor(lat / CELL_DEGREES_LAT), Math.floor(lon / CELL_DEGREES_LON));
    const cell = this.cells.get(key);
    if (cell) cell.push(slot);
    else this.cells.set(key, [slot]);
    this.count++;
  }

  remove(slot: number, lat: number, lon: number): void {
    const key = cellKey(Math.floor(lat / CELL_DEGREES_LAT), Math.floor(lon / CELL_DEGREES_LON));
    const cell = this.cells.get(key);
    if (!cell) return;
    const at = cell.indexOf(slot);
    if (at >= 0) {
      cell[at] = cell[cell.length - 1];
      cell.pop();
      this.count--;
    }
    if (cell.length === 0) this.cells.delete(key);
  }

  /** Calls visit for every slot in cells that may lie within radiusKm of the point. */
  near(lat: number, lon: number, radiusKm: number, visit: (slot: number) => void): void {
    const dLat = radiusKm / KM_PER_DEGREE_LAT + 0.01;
    const cosLat = Math.max(0.05, Math.cos((Math.min(89, Math.abs(lat) + dLat) * Math.PI) / 180));
    const dLon = radiusKm / (KM_PER_DEGREE_LAT * cosLat) + 0.01;
    const rowFrom = Math.floor((lat - dLat) / CELL_DEGREES_LAT);
    const rowTo = Math.floor((lat + dLat) / CELL_DEGREES_LAT);
    const colFrom = Math.floor((lon - dLon) / CELL_DEGREES_LON);
    const colTo = Math.floor((lon + dLon) / CELL_DEGREES_LON);
    for (let row = rowFrom; row <= rowTo; row++) {
      for (let col = colFrom; col <= colTo; col++) {
        const cell = this.cells.get(cellKey(row, col));
        if (cell) for (let i = 0; i < cell.length; i++) visit(cell[i]);
      }
    }
  }
}

/** Age bands (inclusive) used to split grids: a class of 8-year-olds never visits cells of teenage offers. */
const AGE_BANDS: ReadonlyArray<readonly [number, number]> = [
  [0, 5],
  [6, 8],
  [9, 11],
  [12, 14],
  [15, 17],
  [18, 200],
];

/**
 * One GeoGrid per age band; an offer sits in every band its ages overlap, and a
 * query visits only the bands of the class. Cuts the offers visited per request
 * several times over at 100,000 offers (duplicates are skipped by the caller).
 */
export class AgeBandedGeoGrid {
  private readonly grids = AGE_BANDS.map(() => new GeoGrid());

  get size(): number {
    return this.grids.reduce((n, g) => n + g.size, 0);
  }

  add(slot: number, lat: number, lon: number, ageMin: number, ageMax: number): void {
    this.bandsOf(ageMin, ageMax, (grid) => grid.add(slot, lat, lon));
  }

  remove(slot: number, lat: number, lon: number, ageMin: number, ageMax: number): void {
    this.bandsOf(ageMin, ageMax, (grid) => grid.remove(slot, lat, lon));
  }

  near(lat: number, lon: number, radiusKm: number, ageMin: number, ageMax: number, visit: (slot: number) => void): void {
    this.bandsOf(ageMin, ageMax, (grid) => {
      if (grid.size > 0) grid.near(lat, lon, radiusKm, visit);
    });
  }

  private bandsOf(ageMin: number, ageMax: number, each: (grid: GeoGrid) => void): void {
    AGE_BANDS.forEach(([from, to], i) => {
      if (ageMin <= to && from <= ageMax) each(this.grids[i]);
    });
  }
}

/** Online offers have no place: one list per age band is all a query needs. */
export class AgeBandedList {
  private readonly lists = AGE_BANDS.map(() => new Set<number>());

  add(slot: number, ageMin: number, ageMax: number): void {
    for (const [i, [from, to]] of AGE_BANDS.entries()) if (ageMin <= to && from <= ageMax) this.lists[i].add(slot);
  }

  remove(slot: number): void {
    for (const list of this.lists) list.delete(slot);
  }

  forEachOverlapping(ageMin: number, ageMax: number, visit: (slot: number) => void): void {
    AGE_BANDS.forEach(([from, to], i) => {
      if (ageMin <= to && from <= ageMax) for (const slot of this.lists[i]) visit(slot);
    });
  }
}
