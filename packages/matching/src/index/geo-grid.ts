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
