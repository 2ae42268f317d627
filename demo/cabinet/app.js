/* global document, window, history, location, fetch, customElements, HTMLElement, URLSearchParams */
/**
 * Demo courier cabinet: a second page of orders loaded later (button or
 * timer), client cards reached through history navigation, and a web
 * component with an open shadow root. Plain script, no build step.
 */
(function cabinet() {
  'use strict';

  const PAGE_TWO_DELAY_MS = 1500;

  function el(tag, options, children) {
    const node = document.createElement(tag);
    const settings = options || {};
    if (settings.className) node.className = settings.className;
    if (settings.text !== undefined) node.textContent = settings.text;
    if (settings.attrs) {
      for (const [name, value] of Object.entries(settings.attrs)) node.setAttribute(name, value);
    }
    for (const child of children || []) {
      if (child) node.append(child);
    }
    return node;
  }

  function cell(main, sub, subClass) {
    const td = el('td');
    td.append(main);
    if (sub) td.append(el('div', { className: subClass || 'muted', text: sub }));
    return td;
  }

  function clientLink(client) {
    return el('a', {
      text: client.name,
      attrs: { href: `?client=${client.code}`, 'data-client': String(client.code) },
    });
  }

  function orderRow(row) {
    const tr = el('tr', { attrs: { 'data-page': '2' } });
    tr.append(
      cell(el('strong', { text: row.order }), row.note),
      cell(row.date, row.interval),
      cell(clientLink(row.client)),
      cell(row.recipient, row.phone, 'phone'),
      cell(row.address, row.addressNote),
      cell(row.weight, row.cod, 'money'),
      cell(row.shipment, row.barcode),
      row.courier
        ? cell(row.courier.name, row.courier.phone, 'phone')
        : el('td', { className: 'muted', text: 'не назначен' }),
      cell(el('span', { className: `badge badge-${row.status.kind}`, text: row.status.label })),
    );
    return tr;
  }

  let pageTwo = null;

  function loadPageTwo() {
    if (pageTwo) return pageTwo;
    const button = document.getElementById('load-more');
    button.disabled = true;
    button.textContent = 'Загрузка…';
    pageTwo = fetch('page2.json')
      .then((response) => response.json())
      .then((data) => {
        const body = document.getElementById('orders-body');
        for (const row of data.rows) body.append(orderRow(row));
        const shown = body.querySelectorAll('tr').length;
        document.getElementById('pager-status').textContent = `Показано ${shown} из ${data.total}`;
        button.hidden = true;
      });
    return pageTwo;
  }

  const clients = fetch('clients.json').then((response) => response.json());

  function clientCard(code, client) {
    const requisites = el('dl', { className: 'requisites-list' });
    for (const [term, value] of client.requisites) {
      requisites.append(el('dt', { text: term }), el('dd', { text: value }));
    }
    const contacts = el('tbody');
    for (const person of client.contacts) {
      contacts.append(
        el('tr', {}, [
          el('td', { text: person.name }),
          el('td', { text: person.position }),
          el('td', { className: 'phone', text: person.phone }),
          el('td', {}, [
            el('a', { text: person.email, attrs: { href: `mailto:${person.email}` } }),
          ]),
        ]),
      );
    }
    return el('article', { className: 'client-card', attrs: { 'data-client-code': code } }, [
      el('a', {
        className: 'back',
        text: '← К заказам',
        attrs: { href: './', 'data-route': 'orders' },
      }),
      el('div', { className: 'page-head' }, [
        el('h1', { text: client.company }),
        el('span', { className: 'badge badge-work', text: client.status }),
      ]),
      ...client.phones.map((line) => el('p', { className: 'client-phones', text: line })),
      el('p', { className: 'muted', text: `Менеджер: ${client.manager}` }),
      requisites,
      el('h2', { text: 'Контактные лица' }),
      el('table', { className: 'orders contacts' }, [
        el('thead', {}, [
          el('tr', {}, [
            el('th', { text: 'ФИО' }),
            el('th', { text: 'Должность' }),
            el('th', { text: 'Телефон' }),
            el('th', { text: 'Почта' }),
          ]),
        ]),
        contacts,
      ]),
    ]);
  }

  function showRoute() {
    const code = new URLSearchParams(location.search).get('client');
    const ordersView = document.getElementById('orders-view');
    const clientView = document.getElementById('client-view');
    for (const link of document.querySelectorAll('.main-nav a[data-route]')) {
      link.classList.toggle('active', link.dataset.route === (code ? 'client' : 'orders'));
    }
    if (!code) {
      clientView.hidden = true;
      clientView.replaceChildren();
      ordersView.hidden = false;
      document.title = 'Личный кабинет — КурьерСервис';
      return Promise.resolve();
    }
    return clients.then((all) => {
      const client = all[code];
      ordersView.hidden = true;
      clientView.hidden = false;
      clientView.replaceChildren(
        client
          ? clientCard(code, client)
          : el('p', { className: 'muted', text: `Клиент с кодом ${code} не найден` }),
      );
      document.title = `${client ? client.company : 'Клиент'} — КурьерСервис`;
    });
  }

  document.addEventListener('click', (event) => {
    const link = event.target instanceof window.Element ? event.target.closest('a') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey) {
      return;
    }
    const route = link.dataset.route || (link.dataset.client ? 'client' : null);
    if (!route) return;
    event.preventDefault();
    history.pushState(null, '', link.getAttribute('href'));
    window.cabinetNavigation = showRoute();
  });
  window.addEventListener('popstate', () => {
    window.cabinetNavigation = showRoute();
  });

  document.getElementById('load-more').addEventListener('click', () => {
    window.cabinetPageTwo = loadPageTwo();
  });
  window.setTimeout(() => {
    window.cabinetPageTwo = loadPageTwo();
  }, PAGE_TWO_DELAY_MS);

  class CourierBadge extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const shadow = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = `
        :host { display: block; }
        .badge { display: flex; gap: 10px; align-items: center; }
        .avatar { width: 36px; height: 36px; border-radius: 50%; background: #dbeafe;
          color: #1e40af; display: grid; place-items: center; font-weight: 600; }
        .name { font-weight: 600; }
        .meta { color: #64748b; font-size: 13px; }
      `;
      const name = this.dataset.name || '';
      const initials = name
        .split(' ')
        .slice(0, 2)
        .map((part) => part.charAt(0))
        .join('');
      shadow.append(
        style,
        el('div', { className: 'badge' }, [
          el('span', { className: 'avatar', text: initials, attrs: { 'aria-hidden': 'true' } }),
          el('div', {}, [
            el('div', { className: 'name', text: name }),
            el('div', { className: 'meta', text: `Мобильный: ${this.dataset.phone}` }),
            el('div', { className: 'meta', text: `Заказов на руках: ${this.dataset.orders}` }),
          ]),
        ]),
      );
    }
  }
  customElements.define('courier-badge', CourierBadge);

  window.cabinetNavigation = showRoute();
})();
